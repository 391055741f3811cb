import "server-only";
import type { ArticleMetadata } from "@/content/articleMetadata.ts";
import { ContentError } from "@/content/contentError.ts";
import { articleEditionsAbi, membershipPassAbi } from "@/generated/contracts.ts";
import { articleReader, chainClient, publicationAddresses } from "./publication.ts";
import { serverConfig } from "./serverConfig.ts";

export interface ArticleEntry {
  id: number;
  metadataCid: string;
  metadata: ArticleMetadata;
  sale: { price: bigint; maxSupply: number; minted: number; saleStart: number; saleEnd: number; walletCap: number };
  premiumLevel: number;
}

export interface TierEntry {
  id: number;
  name: string;
  price: bigint;
  duration: number;
  maxSupply: number;
  /** Passes that exist now: what the supply cap counts (burned and reclaimed passes free their seat). */
  seats: number;
  level: number;
  votingWeight: number;
  transferable: boolean;
  saleOpen: boolean;
}

const FRESH_MS = 1_000;
let articles: { at: number; list: Promise<ArticleEntry[]> } | undefined;

async function loadArticles(): Promise<ArticleEntry[]> {
  const reader = await articleReader();
  const count = await chainClient().readContract({
    address: publicationAddresses().editions,
    abi: articleEditionsAbi,
    functionName: "articleCount",
  });
  const ids = Array.from({ length: Number(count) }, (_, index) => BigInt(Number(count) - index));
  const loaded = await Promise.all(
    ids.map(async (id) => {
      try {
        const { uri, sale, terms, metadata } = await reader.article(id);
        return {
          id: Number(id),
          metadataCid: uri.slice("ipfs://".length),
          metadata,
          sale: { ...sale, saleStart: Number(sale.saleStart), saleEnd: Number(sale.saleEnd) },
          premiumLevel: terms.premiumLevel,
        };
      } catch (error) {
        if (!(error instanceof ContentError) || error.code === "unavailable") throw error;
        console.warn(`Article ${id} is left off the catalog: ${error.message}`);
        return null;
      }
    }),
  );
  return loaded.filter((entry) => entry !== null);
}

/** Every published article, newest first (re-read at most once a second). */
export function listArticles() {
  if (!articles || Date.now() - articles.at > FRESH_MS) {
    const list = loadArticles();
    articles = { at: Date.now(), list };
    list.catch(() => (articles = undefined));
  }
  return articles.list;
}

let clock: { at: number; now: Promise<number> } | undefined;

/** The chain's time (latest block), which sale windows and pass expiry follow, not the server's. */
export function chainNow() {
  if (!clock || Date.now() - clock.at > FRESH_MS) {
    const now = chainClient().getBlock().then((block) => Number(block.timestamp));
    clock = { at: Date.now(), now };
    now.catch(() => (clock = undefined));
  }
  return clock.now;
}

/** An article by numeric id or by slug. */
export async function findArticle(idOrSlug: string) {
  const list = await listArticles();
  return /^\d+$/.test(idOrSlug)
    ? list.find((entry) => entry.id === Number(idOrSlug))
    : list.find((entry) => entry.metadata.properties.slug === idOrSlug);
}

export async function listTiers(): Promise<TierEntry[]> {
  const client = chainClient();
  const address = publicationAddresses().pass;
  const count = await client.readContract({ address, abi: membershipPassAbi, functionName: "tierCount" });
  return Promise.all(
    Array.from({ length: Number(count) }, async (_, index) => {
      const [config, , seats] = await client.readContract({ address, abi: membershipPassAbi, functionName: "tier", args: [BigInt(index + 1)] });
      return { id: index + 1, ...config, seats };
    }),
  );
}

/** An `ipfs://` link as a URL readers' browsers can open. */
export const gatewayLink = (uri: string) =>
  uri.startsWith("ipfs://") ? `${serverConfig().publicGatewayUrl}/ipfs/${uri.slice("ipfs://".length)}` : uri;
