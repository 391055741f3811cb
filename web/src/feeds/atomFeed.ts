import { xmlText } from "./xmlText.ts";

// An Atom 1.0 feed (RFC 4287) of listed articles: title, summary, link to the article page.

export interface FeedEntry {
  /** A permanent URL for the article (by id: a slug may be reused). */
  id: string;
  url: string;
  title: string;
  summary: string;
  language: string;
  section: string;
  authors: string[];
  published: Date;
  updated: Date;
}

export interface Feed {
  /** The feed's own URL, filters included: its id and its `rel="self"` link. */
  selfUrl: string;
  siteUrl: string;
  title: string;
  subtitle: string;
  language?: string;
  entries: FeedEntry[];
}

const iso = (date: Date) => date.toISOString();

export function atomFeed(feed: Feed) {
  // With no entries, the feed is as old as the epoch: nothing in it has changed.
  const updated = new Date(Math.max(0, ...feed.entries.map((entry) => entry.updated.getTime())));
  const entry = (e: FeedEntry) => `  <entry xml:lang="${xmlText(e.language)}">
    <id>${xmlText(e.id)}</id>
    <title>${xmlText(e.title)}</title>
    <link rel="alternate" type="text/html" href="${xmlText(e.url)}"/>
    <published>${iso(e.published)}</published>
    <updated>${iso(e.updated)}</updated>
${e.authors.map((name) => `    <author><name>${xmlText(name)}</name></author>`).join("\n")}
    <category term="${xmlText(e.section)}"/>
    <summary type="text">${xmlText(e.summary)}</summary>
  </entry>`;
  return `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"${feed.language ? ` xml:lang="${xmlText(feed.language)}"` : ""}>
  <id>${xmlText(feed.selfUrl)}</id>
  <title>${xmlText(feed.title)}</title>
  <subtitle>${xmlText(feed.subtitle)}</subtitle>
  <link rel="self" type="application/atom+xml" href="${xmlText(feed.selfUrl)}"/>
  <link rel="alternate" type="text/html" href="${xmlText(feed.siteUrl)}"/>
  <author><name>TopNFTpost</name></author>
  <updated>${iso(updated)}</updated>
${feed.entries.map(entry).join("\n")}
</feed>
`;
}
