import "server-only";
import { type FeedQuery, readFeed, readSitemap, readSitemapIndex } from "@/feeds/archiveFeeds.ts";
import type { ArticleListing } from "@/indexer/indexTypes.ts";
import { type ArticleEntry, index, rememberingLast, toEntry } from "./catalog.ts";
import { serverConfig } from "./serverConfig.ts";

// What readers expect of an archive, read from the event index like the front page (catalog.ts):
// each answer reused for a moment by every request, and shown from the last answer while the
// indexer is down. Search, the sections of the whole catalog, feeds, sitemaps and translations.

const PER_PAGE = 10;
/** Sections, feeds and sitemaps change only with a publish: a few seconds' reuse costs nothing. */
const SLOW_MS = 5_000;

/** One page of search results, newest first; `q` is checked first (web/src/search/searchGrams.ts). */
export async function searchArticles(q: string, before?: bigint) {
  const { value, stale } = await rememberingLast(`search:${before ?? ""}:${q}`, () =>
    index().search(q, { cursor: before, limit: PER_PAGE }),
  );
  return { articles: value.articles.map(toEntry), nextCursor: value.nextCursor, stale };
}

/** The sections of the whole catalog, the fullest first, with how many articles each has. */
export async function listSections(language?: string) {
  return (await rememberingLast(`sections:${language ?? ""}`, () => index().sections(language), SLOW_MS)).value;
}

/** The article's versions in the other languages (its original, or its translations), one per language. */
export async function otherLanguageVersions(article: ArticleEntry) {
  const story = article.translationOf ?? article.slug;
  const { value } = await rememberingLast(`story:${story}`, () => index().storyVersions(story));
  return inOtherLanguages(article, value);
}

/** Of a story's versions (newest first), the newest in each language other than the article's own. */
export function inOtherLanguages(article: ArticleEntry, story: ArticleListing[]) {
  const versions = new Map<string, ArticleEntry>();
  for (const listing of story) {
    if (listing.language !== article.language && !versions.has(listing.language)) versions.set(listing.language, toEntry(listing));
  }
  return [...versions.values()];
}

export async function feedXml(query: FeedQuery, subtitle: string) {
  const key = `feed:${query.section ?? ""}:${query.language ?? ""}:${subtitle}`;
  return (await rememberingLast(key, () => readFeed(index(), serverConfig().site, query, subtitle), SLOW_MS)).value;
}

export async function sitemapIndexXml() {
  return (await rememberingLast("sitemap", () => readSitemapIndex(index(), serverConfig().site), SLOW_MS)).value;
}

export async function sitemapXml(page: number) {
  return (await rememberingLast(`sitemap:${page}`, () => readSitemap(index(), serverConfig().site, page), SLOW_MS)).value;
}
