import { createHash } from "node:crypto";
import type { KuboRPCClient } from "kubo-rpc-client";
import { type Address, type PublicClient, testActions, type WalletClient } from "viem";
import type { ArticleMetadata } from "../../../web/src/content/articleMetadata.ts";
import { publishArticle } from "../../../web/src/contracts/writes.ts";
import { articleEditionsAbi } from "../../../web/src/generated/contracts.ts";

const SECTIONS = ["policy", "events", "city", "markets", "culture"];
const TAGS = ["busan", "seoul", "incheon", "kaia", "nft", "dao", "web3", "tickets"];
/** Transactions sent before waiting for the last one's receipt. */
const BATCH = 200;
const UPLOADS_AT_ONCE = 8;

export interface BulkTarget {
  publicClient: PublicClient;
  walletClient: WalletClient;
  editions: Address;
  ipfs: Pick<KuboRPCClient, "add">;
  siteUrl: string;
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
 * (no encryption, one shared preview): a catalog of 10,000 in minutes, for the scale benchmark.
 * Returns the slugs it published.
 */
export async function bulkPublish(target: BulkTarget, total: number, onProgress: (done: number) => void = () => {}) {
  const { publicClient, walletClient, editions, ipfs } = target;
  siteUrlPlaceholder = target.siteUrl.replace(/\/$/, "");
  const account = walletClient.account!;
  const anvil = publicClient.extend(testActions({ mode: "anvil" }));
  const have = Number(await publicClient.readContract({ address: editions, abi: articleEditionsAbi, functionName: "articleCount" }));
  const slugs: string[] = [];
  if (have >= total) return slugs;
  const previewText = "The free part of a bench article: a paragraph, as a short news brief would have.\n";
  const previewCid = (await ipfs.add(previewText, { pin: true, cidVersion: 0 })).cid.toString();
  const treasury = await publicClient.readContract({ address: editions, abi: articleEditionsAbi, functionName: "treasury" });
  for (let from = have + 1; from <= total; from += BATCH) {
    const indexes = Array.from({ length: Math.min(BATCH, total - from + 1) }, (_, offset) => from + offset);
    const cids = await inParallel(indexes, UPLOADS_AT_ONCE, async (index) => {
      const metadata = benchMetadata(index, previewCid);
      slugs.push(metadata.properties.slug);
      const bytes = new TextEncoder().encode(JSON.stringify(metadata));
      return (await ipfs.add(bytes, { pin: true, cidVersion: 0 })).cid.toString();
    });
    let nonce = await publicClient.getTransactionCount({ address: account.address, blockTag: "pending" });
    let last: `0x${string}` | undefined;
    // Many publishes to a block, as a busy chain would carry them (and the index meets them).
    await anvil.setAutomine(false);
    for (const cid of cids) {
      const { address, abi, functionName, args } = publishArticle(editions, {
        uri: `ipfs://${cid}`,
        price: 1_000_000_000_000_000n,
        maxSupply: 0,
        saleStart: 0,
        saleEnd: 0,
        walletCap: 0,
        premiumLevel: 0,
        royaltyReceiver: treasury,
        royaltyBps: 500n,
        authors: [{ account: account.address, shareBps: 9_000 }],
        treasuryBps: 1_000,
        referralBps: 0,
      });
      // A fixed gas limit: no estimate per transaction, so 10,000 go out in minutes.
      last = await walletClient.writeContract({
        address,
        abi,
        functionName,
        args,
        account,
        chain: walletClient.chain,
        nonce: nonce++,
        gas: 400_000n,
      });
    }
    let receipt = await publicClient.getTransactionReceipt({ hash: last! }).catch(() => null);
    while (!receipt) {
      await anvil.mine({ blocks: 1 });
      receipt = await publicClient.getTransactionReceipt({ hash: last! }).catch(() => null);
    }
    await anvil.setAutomine(true);
    if (receipt.status !== "success") throw new Error(`Bulk publish transaction ${last} reverted.`);
    onProgress(from + indexes.length - 1);
  }
  return slugs;
}
