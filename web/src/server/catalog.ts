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

/**
 * `load`, asked again at most once a second: every request in between shares the same promise,
 * and a failed load is forgotten so that the next request tries again.
 */
function freshForASecond<value>(load: () => Promise<value>) {
  let cached: { at: number; value: Promise<value> } | undefined;
  return () => {
    if (!cached || Date.now() - cached.at > 1_000) {
      const value = load();
      cached = { at: Date.now(), value };
      value.catch(() => (cached = undefined));
    }
    return cached.value;
  };
}

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
export const listArticles = freshForASecond(loadArticles);

/** The chain's time (latest block), which sale windows and pass expiry follow, not the server's. */
export const chainNow = freshForASecond(() =>
  chainClient()
    .getBlock()
    .then((block) => Number(block.timestamp)),
);

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
      const [config, , seats] = await client.readContract({
        address,
        abi: membershipPassAbi,
        functionName: "tier",
        args: [BigInt(index + 1)],
      });
      return { id: index + 1, ...config, seats };
    }),
  );
}

/** An `ipfs://` link as a URL readers' browsers can open. */
export const gatewayLink = (uri: string) =>
  uri.startsWith("ipfs://") ? `${serverConfig().publicGatewayUrl}/ipfs/${uri.slice("ipfs://".length)}` : uri;
