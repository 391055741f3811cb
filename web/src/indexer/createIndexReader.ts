import type { Address } from "viem";
import { fromWire } from "./fromWire.ts";
import type {
  ArticleFacts,
  ArticleListing,
  ArticlePageFacts,
  ArticlePage,
  ArticleSales,
  ArticleRevision,
  IndexStatus,
  Library,
  Owed,
  Pass,
  SectionCount,
  SitemapEntry,
  Tier,
  Wire,
} from "./indexTypes.ts";

export interface IndexReaderOptions {
  /** The indexer's HTTP address (`ponder start`, or a `ponder serve` beside it). */
  url: string;
  timeoutMs: number;
}

export interface ArticleQuery {
  section?: string;
  tag?: string;
  language?: string;
  /** The previous page's `nextCursor`. */
  cursor?: bigint;
  limit?: number;
}

export class IndexUnavailableError extends Error {
  override name = "IndexUnavailableError";
}

/**
 * Typed reads of the event index: the front page, an article by slug, a reader's library and what
 * an account is owed, each one indexed query, with no chain call and no IPFS fetch. Access is
 * never decided here: the premium gate asks `canRead` on chain.
 */
export function createIndexReader(options: IndexReaderOptions) {
  const base = options.url.replace(/\/$/, "");

  async function get<T>(path: string): Promise<T | undefined> {
    let response: Response;
    try {
      response = await fetch(`${base}${path}`, { signal: AbortSignal.timeout(options.timeoutMs) });
    } catch (error) {
      throw new IndexUnavailableError(`The indexer at ${base} did not answer (${(error as Error).message}).`, { cause: error });
    }
    if (response.status === 404) return undefined;
    if (!response.ok) throw new IndexUnavailableError(`The indexer answered ${response.status} for ${path}.`);
    return fromWire<T>((await response.json()) as Wire<T>);
  }

  async function must<T>(path: string) {
    const found = await get<T>(path);
    if (found === undefined) throw new IndexUnavailableError(`The indexer has no ${path}.`);
    return found;
  }

  return {
    listArticles(query: ArticleQuery = {}) {
      const params = new URLSearchParams();
      for (const [key, value] of Object.entries(query)) if (value !== undefined) params.set(key, String(value));
      return must<ArticlePage>(`/articles?${params}`);
    },
    /** At most 100 ids a call. */
    articlesByIds: (ids: bigint[]) => must<ArticleListing[]>(`/articles/by-ids?ids=${ids.join(",")}`),
    articleByDigest: (digest: string) => get<ArticleListing>(`/articles/by-digest/${digest}`),
    articleBySlug: (slug: string) => get<ArticleListing>(`/articles/by-slug/${encodeURIComponent(slug)}`),
    /** An article's page by slug in one call: the article with its preview, its revisions and its story's versions. */
    articlePage: (slug: string) => get<ArticlePageFacts>(`/articles/by-slug/${encodeURIComponent(slug)}/page`),
    articleFacts: (id: bigint) => get<ArticleFacts>(`/articles/${id}`),
    /** Every revision of the article, oldest first, with its block time. */
    articleRevisions: (id: bigint) => must<ArticleRevision[]>(`/articles/${id}/revisions`),
    libraryOf: (holder: Address) => must<Library>(`/accounts/${holder}/library`),
    owedTo: (account: Address) => must<Owed>(`/accounts/${account}/owed`),
    /** Sales of the articles `ids` (at most 100 a call) and what each owes `account`, newest first; ids the index lacks are left out. */
    salesFor: (account: Address, ids: bigint[]) => must<ArticleSales[]>(`/accounts/${account}/sales?ids=${ids.join(",")}`),
    tiers: () => must<Tier[]>("/tiers"),
    pass: (tokenId: bigint) => get<Pass>(`/passes/${tokenId}`),
    /** Listed articles whose title or summary holds every word of `q`, newest first (`q` checked by searchTerms first). */
    search(q: string, page: { cursor?: bigint; limit?: number } = {}) {
      const params = new URLSearchParams({ q });
      if (page.cursor !== undefined) params.set("cursor", String(page.cursor));
      if (page.limit !== undefined) params.set("limit", String(page.limit));
      return must<ArticlePage>(`/search?${params}`);
    },
    /** The sections of the whole catalog with their article counts, the fullest first. */
    sections: (language?: string) => must<SectionCount[]>(language ? `/sections?language=${language}` : "/sections"),
    /** The highest article id, which bounds the child sitemaps. */
    sitemapSize: async () => (await must<{ highestId: bigint }>("/sitemap")).highestId,
    /** Listed articles with ids in [from, to), at most 50,000 ids a call. */
    sitemapEntries: (from: bigint, to: bigint) => must<SitemapEntry[]>(`/sitemap/entries?from=${from}&to=${to}`),
    /** An article's versions in every language: the original `story` slug and its translations. */
    storyVersions: (story: string) => must<ArticleListing[]>(`/stories/${encodeURIComponent(story)}`),
    /** The last block the index has processed; undefined before it has started. */
    status: () => get<IndexStatus>("/index-status"),
  };
}

export type IndexReader = ReturnType<typeof createIndexReader>;
