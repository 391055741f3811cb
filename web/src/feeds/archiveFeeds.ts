import type { IndexReader } from "../indexer/createIndexReader.ts";
import { atomFeed } from "./atomFeed.ts";
import { sitemapIndexXml, urlSetXml } from "./sitemapXml.ts";

// The publication's feeds and sitemaps, read from the event index with indexed queries: a feed
// is one page of the front page's query (50 newest), a child sitemap one range of article ids.

export const FEED_ENTRIES = 50;
/** URLs per child sitemap: the most sitemaps.org allows in one file. */
export const SITEMAP_URLS = 50_000;

export interface FeedQuery {
  section?: string;
  /** "ko" or "en" (checked by the route). */
  language?: string;
}

const LANGUAGE_NAMES: Record<string, string> = { ko: "한국어", en: "English" };

/** The feed's path, its filters in the query string: `/feed.xml?section=…&language=…`. */
export function feedPath(query: FeedQuery) {
  const params = new URLSearchParams();
  if (query.section) params.set("section", query.section);
  if (query.language) params.set("language", query.language);
  return params.size > 0 ? `/feed.xml?${params}` : "/feed.xml";
}

export const feedUrl = (site: URL, query: FeedQuery) => new URL(feedPath(query), site).href;

const articleUrl = (site: URL, slug: string) => new URL(`/articles/${encodeURIComponent(slug)}`, site).href;

/** The Atom feed of the 50 newest listed articles, of one section and/or language when asked. */
export async function readFeed(index: IndexReader, site: URL, query: FeedQuery, subtitle: string) {
  const { articles } = await index.listArticles({ section: query.section, language: query.language, limit: FEED_ENTRIES });
  const title = ["TopNFTpost", query.section && `#${query.section}`, query.language && (LANGUAGE_NAMES[query.language] ?? query.language)];
  return atomFeed({
    selfUrl: feedUrl(site, query),
    siteUrl: new URL("/", site).href,
    title: title.filter(Boolean).join(" · "),
    subtitle,
    language: query.language,
    entries: articles.map((article) => {
      const onChain = new Date(Number(article.publishedAt) * 1000);
      const dated = new Date(article.published);
      return {
        id: new URL(`/articles/${article.id}`, site).href,
        url: articleUrl(site, article.slug),
        title: article.title,
        summary: article.summary,
        language: article.language,
        section: article.section,
        authors: (article.authors ?? []).map((author) => author.name),
        published: Number.isNaN(dated.getTime()) ? onChain : dated,
        updated: onChain,
      };
    }),
  });
}

/** How many child sitemaps there are: one per 50,000 article ids, at least one. */
export async function sitemapCount(index: IndexReader) {
  const highest = await index.sitemapSize();
  return Math.max(1, Math.ceil(Number(highest) / SITEMAP_URLS));
}

export const sitemapUrl = (site: URL, page: number) => new URL(`/sitemaps/${page}.xml`, site).href;

/** The sitemap index (`/sitemap.xml`): every child sitemap. */
export async function readSitemapIndex(index: IndexReader, site: URL) {
  const count = await sitemapCount(index);
  return sitemapIndexXml(Array.from({ length: count }, (_, page) => sitemapUrl(site, page)));
}

/** Child sitemap `page` (from 0): the listed articles with ids page·50,000 + 1 to (page + 1)·50,000. */
export async function readSitemap(index: IndexReader, site: URL, page: number) {
  const from = BigInt(page) * BigInt(SITEMAP_URLS) + 1n;
  const entries = await index.sitemapEntries(from, from + BigInt(SITEMAP_URLS));
  return urlSetXml(entries.map((entry) => ({ loc: articleUrl(site, entry.slug), lastModified: new Date(Number(entry.updatedAt) * 1000) })));
}
