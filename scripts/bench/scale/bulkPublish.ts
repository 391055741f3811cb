import { createHash } from "node:crypto";
import type { KuboRPCClient } from "kubo-rpc-client";
import type { Address, PublicClient, WalletClient } from "viem";
import type { ArticleMetadata } from "../../../web/src/content/articleMetadata.ts";
import { collectEdition, publishArticle } from "../../../web/src/contracts/writes.ts";
import { articleEditionsAbi } from "../../../web/src/generated/contracts.ts";
import { sendManyToABlock } from "./sendManyToABlock.ts";

const SECTIONS = ["policy", "events", "city", "markets", "culture"];
const TAGS = ["busan", "seoul", "incheon", "kaia", "nft", "dao", "web3", "tickets"];
/** Publishes sent to one block. */
const BATCH = 200;
const UPLOADS_AT_ONCE = 8;

export interface BulkTarget {
  publicClient: PublicClient;
  walletClient: WalletClient;
  editions: Address;
  ipfs: Pick<KuboRPCClient, "add">;
  siteUrl: string;
  /** Who is paid for the articles' sales (90%; the treasury takes 10%): the publishing wallet unless given. */
  author?: Address;
}

/** A free bench article's metadata: valid for the reader and the index, varied in language, section and tags. */
function benchMetadata(index: number, previewCid: string): ArticleMetadata {
  const language = index % 3 === 0 ? "ko" : "en";
  const slug = `bench-${index}-${language}`;
  const title = language === "ko" ? `부산 블록체인 도시 보도 ${index}호` : `Busan blockchain city report no. ${index}`;
  const section = SECTIONS[index % SECTIONS.length];
  const tags = [TAGS[index % TAGS.length], TAGS[(index * 7 + 3) % TAGS.length]].filter((tag, at, all) => all.indexOf(tag) === at);
  const published = new Date(Date.UTC(2024, 0, 1) + index * 3_600_000);
  return {
    name: title,
    description:
      language === "ko"
        ? `벤치마크 기사 ${index}: 지자체의 웹3 실험을 짚어 본다.`
        : `Bench article ${index}: what the city's Web3 pilots delivered.`,
    image: `ipfs://${previewCid}`,
    external_url: `${siteUrlPlaceholder}/articles/${slug}`,
    attributes: [
      { trait_type: "Language", value: language },
      { trait_type: "Section", value: section },
      { trait_type: "Published", value: Math.floor(published.getTime() / 1000), display_type: "date" },
      { trait_type: "Access", value: "Free" },
      ...tags.map((tag) => ({ trait_type: "Tag", value: tag })),
    ],
    properties: {
      schema: "topnftpost/article@1",
      slug,
      language,
      publication: "TopNFTpost",
      section,
      tags,
      published: published.toISOString(),
      authors: [],
      content_digest: createHash("sha256").update(`bench article ${index}`).digest("hex"),
      preview: { cid: previewCid, bytes: 0 },
      images: [],
      premium: null,
    },
  };
}
let siteUrlPlaceholder = "http://localhost:3000";

async function inParallel<item, result>(items: item[], limit: number, work: (item: item) => Promise<result>) {
  const results: result[] = new Array(items.length);
  let next = 0;
  await Promise.all(
    Array.from({ length: limit }, async () => {
      while (next < items.length) {
        const at = next++;
        results[at] = await work(items[at]);
      }
    }),
  );
  return results;
}

/**
 * Publishes free articles straight to the contracts and IPFS until the publication holds `total`
 * (no encryption, a short preview each): a catalog of 10,000 in minutes, for the scale benchmark.
 * Returns the slugs it published.
 */
export async function bulkPublish(target: BulkTarget, total: number, onProgress: (done: number) => void = () => {}) {
  const { publicClient, walletClient, editions, ipfs } = target;
  siteUrlPlaceholder = target.siteUrl.replace(/\/$/, "");
  const have = Number(await publicClient.readContract({ address: editions, abi: articleEditionsAbi, functionName: "articleCount" }));
  const slugs: string[] = [];
  if (have >= total) return slugs;
  const treasury = await publicClient.readContract({ address: editions, abi: articleEditionsAbi, functionName: "treasury" });
  for (let from = have + 1; from <= total; from += BATCH) {
    const indexes = Array.from({ length: Math.min(BATCH, total - from + 1) }, (_, offset) => from + offset);
    const cids = await inParallel(indexes, UPLOADS_AT_ONCE, async (index) => {
      // Each its own preview, as real articles have: no page view may lean on one cached preview.
      const previewText = `The free part of bench article ${index}: a paragraph, as a short news brief would have.\n`;
      const previewCid = (await ipfs.add(previewText, { pin: true, cidVersion: 0 })).cid.toString();
      const metadata = benchMetadata(index, previewCid);
      slugs.push(metadata.properties.slug);
      const bytes = new TextEncoder().encode(JSON.stringify(metadata));
      return (await ipfs.add(bytes, { pin: true, cidVersion: 0 })).cid.toString();
    });
    // Many publishes to a block, as a busy chain would carry them (and the index meets them).
    await sendManyToABlock(
      publicClient,
      walletClient,
      cids.map((cid) =>
        publishArticle(editions, {
          uri: `ipfs://${cid}`,
          price: 1_000_000_000_000_000n,
          maxSupply: 0,
          saleStart: 0,
          saleEnd: 0,
          walletCap: 0,
          premiumLevel: 0,
          royaltyReceiver: treasury,
          royaltyBps: 500n,
          authors: [{ account: target.author ?? walletClient.account!.address, shareBps: 9_000 }],
          treasuryBps: 1_000,
          referralBps: 0,
        }),
      ),
      400_000n,
    );
    onProgress(from + indexes.length - 1);
  }
  return slugs;
}

/**
 * Collects one edition of each of `articleIds` (at its price) for the wallet, 200 to a block,
 * so their authors and the treasury are owed on every one.
 */
export async function bulkCollect(target: Pick<BulkTarget, "publicClient" | "walletClient" | "editions">, articleIds: bigint[]) {
  const { publicClient, walletClient, editions } = target;
  const collector = walletClient.account!.address;
  for (let at = 0; at < articleIds.length; at += BATCH) {
    const ids = articleIds.slice(at, at + BATCH);
    const prices = await Promise.all(
      ids.map(
        async (id) =>
          (await publicClient.readContract({ address: editions, abi: articleEditionsAbi, functionName: "article", args: [id] }))[1].price,
      ),
    );
    await sendManyToABlock(
      publicClient,
      walletClient,
      ids.map((id, i) => collectEdition(editions, id, prices[i], collector)),
      200_000n,
    );
  }
}
