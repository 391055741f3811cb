import "server-only";
import type { ArticleMetadata } from "@/content/articleMetadata.ts";
import { ContentError } from "@/content/contentError.ts";
import { articleEditionsAbi, membershipPassAbi } from "@/generated/contracts.ts";
import { articleReader, chainClient, publicationAddresses } from "./publication.ts";
import { serverConfig } from "./serverConfig.ts";
import { unavailableService } from "./serviceUnavailable.ts";

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

export interface Catalog {
  /** Every article whose metadata arrived, newest first. */
  articles: ArticleEntry[];
  /**
   * Articles on chain whose metadata IPFS did not deliver this time, with why: left off the lists
   * until a later load fetches them (nothing failed is cached), so one missing CID hides only itself.
   */
  unreachable: Map<number, ContentError>;
}

async function loadCatalog(): Promise<Catalog> {
  const reader = await articleReader();
  const count = await chainClient().readContract({
    address: publicationAddresses().editions,
    abi: articleEditionsAbi,
    functionName: "articleCount",
  });
  const ids = Array.from({ length: Number(count) }, (_, index) => BigInt(Number(count) - index));
  const unreachable = new Map<number, ContentError>();
  const loaded = await Promise.all(
    ids.map(async (id): Promise<ArticleEntry | null> => {
      // A chain that does not answer fails the whole catalog: without it nothing can be listed.
      const { uri, sale, terms } = await reader.record(id);
      try {
        const metadata = await reader.metadataAt(uri, id);
        return {
          id: Number(id),
          metadataCid: uri.slice("ipfs://".length),
          metadata,
          sale: { ...sale, saleStart: Number(sale.saleStart), saleEnd: Number(sale.saleEnd) },
          premiumLevel: terms.premiumLevel,
        };
      } catch (error) {
        if (!(error instanceof ContentError)) throw error;
        if (unavailableService(error) === "ipfs") {
          console.warn(`Article ${id} is left off the catalog until IPFS delivers its metadata: ${error.message}`);
          unreachable.set(Number(id), error);
        } else {
          console.warn(`Article ${id} is left off the catalog: ${error.message}`);
        }
        return null;
      }
    }),
  );
  return { articles: loaded.filter((entry) => entry !== null), unreachable };
}

/** The published articles (re-read at most once a second). */
export const readCatalog = freshForASecond(loadCatalog);

/** Every published article whose metadata is at hand, newest first. */
export const listArticles = async () => (await readCatalog()).articles;

/** The chain's time (latest block), which sale windows and pass expiry follow, not the server's. */
export const chainNow = freshForASecond(() =>
  chainClient()
    .getBlock()
    .then((block) => Number(block.timestamp)),
);

/**
 * An article by numeric id or by slug, or undefined when there is none. While some article's
 * metadata is unreachable, a slug not found may be that article's: IPFS's error is thrown then
 * (a 503, "try again"), not a 404 for an article that exists on chain.
 */
export async function findArticle(idOrSlug: string) {
  const { articles, unreachable } = await readCatalog();
  if (/^\d+$/.test(idOrSlug)) {
    const id = Number(idOrSlug);
    const unfetched = unreachable.get(id);
    if (unfetched) throw unfetched;
    return articles.find((entry) => entry.id === id);
  }
  const found = articles.find((entry) => entry.metadata.properties.slug === idOrSlug);
  const [unfetched] = unreachable.values();
  if (!found && unfetched) throw unfetched;
  return found;
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
