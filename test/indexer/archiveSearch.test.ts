import { JSDOM } from "jsdom";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ArticleMetadata } from "../../web/src/content/articleMetadata.ts";
import { FEED_ENTRIES, readFeed, readSitemap, readSitemapIndex } from "../../web/src/feeds/archiveFeeds.ts";
import { type IndexerStack, publishParams, sampleMetadata, startIndexerStack, waitUntil } from "../helpers/indexerStack.ts";

// What readers expect of an archive, against the real indexer (anvil, IPFS, ponder on PGlite or
// Postgres): search in Korean and English, feeds per section and language, the sitemap, and an
// article's other-language version.

let stack: IndexerStack;
const site = new URL("https://news.example.org");

interface Story {
  title: string;
  summary: string;
  slug: string;
  language?: "ko" | "en";
  section?: string;
  translationOf?: string;
}

function metadataOf(story: Story): ArticleMetadata {
  const metadata = sampleMetadata({ ...story, language: story.language ?? "en" });
  metadata.description = story.summary;
  if (story.translationOf) metadata.properties.translation_of = story.translationOf;
  return metadata;
}

async function publish(story: Story, options = { upload: true }) {
  const [admin, , authorA, authorB] = stack.wallets;
  const cid = await stack.metadataCid(metadataOf(story), options);
  await stack.confirm(
    await stack.editions.write.publish([publishParams(`ipfs://${cid}`, [authorA!.account.address, authorB!.account.address])], {
      account: admin!.account,
    }),
  );
  return stack.editions.read.articleCount();
}

const titles = async (q: string) => (await stack.index.search(q, { limit: 100 })).articles.map((article) => article.title);

const ids: Record<string, bigint> = {};
beforeAll(async () => {
  stack = await startIndexerStack();
  ids.incheon = await publish({
    title: "인천시블록체인허브도시계획 발표",
    summary: "송도에서 열린 콘퍼런스에서 인천시가 다섯 가지 목표를 제시했다.",
    slug: "incheon-hub-ko",
    language: "ko",
    section: "policy",
  });
  ids.incheonEn = await publish({
    title: "Incheon's plan to become a blockchain hub city",
    summary: "At a conference in Songdo, INCHEON set out five goals & a <hub> plan.",
    slug: "incheon-hub-en",
    section: "policy",
    translationOf: "incheon-hub-ko",
  });
  ids.busan = await publish({
    title: "Busan Blockchain Week",
    summary: "The regulation-free zone takes stock.",
    slug: "busan-week",
    section: "events",
  });
  for (let n = 1; n <= 12; n++) {
    ids[`market${n}`] = await publish({
      title: `NFT 시장동향 ${n}호`,
      summary: "주간 거래량 정리",
      slug: `market-${n}`,
      language: "ko",
      section: "markets",
    });
  }
  // Nobody serves this one's metadata: it is on chain, never listed.
  ids.unstored = await publish(
    { title: "허브도시 비공개 기사", summary: "Unpublished hub secret", slug: "unstored", language: "ko" },
    { upload: false },
  );
  await stack.indexed();
  await waitUntil(async () => (await stack.index.listArticles({ limit: 100 })).articles.length === 15, 60_000);
}, 240_000);
afterAll(async () => stack?.stop());

describe("search over titles and summaries", () => {
  it("finds a Korean word inside a longer phrase written without spaces, and several words in any order", async () => {
    expect(await titles("허브도시")).toEqual(["인천시블록체인허브도시계획 발표"]);
    expect(await titles("체인허브")).toEqual(["인천시블록체인허브도시계획 발표"]);
    expect(await titles("목표 송도")).toEqual(["인천시블록체인허브도시계획 발표"]);
    // Both bigrams of "도시허브" exist in the title ("도시", "허브") but not in this order.
    expect(await titles("도시허브")).toEqual([]);
  });

  it("finds English words whatever their case, in the title or the summary", async () => {
    expect(await titles("BLOCKCHAIN week")).toEqual(["Busan Blockchain Week"]);
    expect(await titles("incheon")).toEqual(["Incheon's plan to become a blockchain hub city"]);
    expect(await titles("Blockch")).toEqual(["Busan Blockchain Week", "Incheon's plan to become a blockchain hub city"]);
    expect(await titles("<HUB>")).toEqual(["Incheon's plan to become a blockchain hub city"]);
  });

  it("answers a one-character word with the articles holding that character", async () => {
    expect(await titles("발")).toEqual(["인천시블록체인허브도시계획 발표"]);
    expect((await titles("호")).length).toBe(12);
  });

  it("finds nothing for a word no listed article holds, nor in an article whose metadata is not stored", async () => {
    expect(await titles("암호화폐")).toEqual([]);
    expect(await titles("zebra")).toEqual([]);
    expect(await titles("비공개")).toEqual([]);
    expect(await titles("secret")).toEqual([]);
    expect((await stack.index.articleFacts(ids.unstored!))?.revisions[0]?.metadataStatus).toBeNull();
  });

  it("pages through many matches newest first, and refuses an empty or oversized query", async () => {
    const seen: bigint[] = [];
    let cursor: bigint | undefined;
    let pages = 0;
    do {
      const page = await stack.index.search("시장동향", { cursor, limit: 5 });
      seen.push(...page.articles.map((article) => article.id));
      cursor = page.nextCursor ?? undefined;
      pages++;
    } while (cursor !== undefined);
    expect(pages).toBe(3);
    expect(seen).toEqual(Array.from({ length: 12 }, (_, n) => ids[`market${12 - n}`]));
    for (const q of ["", "   ", "a b c d e f g h i", "x".repeat(65)]) {
      const response = await fetch(`${stack.indexerUrl}/search?${new URLSearchParams({ q })}`);
      expect(response.status).toBe(400);
    }
  });

  it("searches the revision shown: a revised title is found by its new words, not its old ones", async () => {
    const [admin] = stack.wallets;
    const cid = await stack.metadataCid(
      metadataOf({ title: "Busan Blockchain Week, revised", summary: "Harbour pilots.", slug: "busan-week", section: "events" }),
    );
    await stack.confirm(await stack.editions.write.revise([ids.busan!, `ipfs://${cid}`], { account: admin!.account }));
    await waitUntil(async () => (await titles("harbour")).length === 1, 30_000);
    expect(await titles("regulation-free")).toEqual([]);
  });
});

describe("feeds, sitemap, sections and translations", () => {
  const parse = (xml: string) => {
    const document = new JSDOM(xml, { contentType: "application/xml" }).window.document;
    expect(document.getElementsByTagName("parsererror")).toHaveLength(0);
    return document;
  };
  const entryTitles = (document: Document) =>
    [...document.getElementsByTagName("entry")].map((entry) => entry.getElementsByTagName("title")[0]!.textContent);

  it("an Atom feed per publication, section and language: valid XML, newest first, escaped, linking to article pages", async () => {
    const all = parse(await readFeed(stack.index, site, {}, "tagline"));
    expect(all.documentElement.namespaceURI).toBe("http://www.w3.org/2005/Atom");
    expect(entryTitles(all)).toHaveLength(15);
    expect(entryTitles(all)[0]).toBe("NFT 시장동향 12호");
    const policy = parse(await readFeed(stack.index, site, { section: "policy" }, "tagline"));
    expect(entryTitles(policy)).toEqual(["Incheon's plan to become a blockchain hub city", "인천시블록체인허브도시계획 발표"]);
    const englishPolicy = await readFeed(stack.index, site, { section: "policy", language: "en" }, "tagline");
    expect(englishPolicy).toContain("five goals &amp; a &lt;hub&gt; plan");
    const entry = parse(englishPolicy).getElementsByTagName("entry")[0]!;
    expect(entry.getElementsByTagName("summary")[0]!.textContent).toBe(
      "At a conference in Songdo, INCHEON set out five goals & a <hub> plan.",
    );
    expect(entry.getElementsByTagName("link")[0]!.getAttribute("href")).toBe("https://news.example.org/articles/incheon-hub-en");
    expect(parse(englishPolicy).querySelector("link[rel=self]")!.getAttribute("href")).toBe(
      "https://news.example.org/feed.xml?section=policy&language=en",
    );
    expect(entryTitles(parse(await readFeed(stack.index, site, { language: "ko", section: "markets" }, "t")))).toHaveLength(12);
    expect(entryTitles(parse(await readFeed(stack.index, site, { section: "nothing-here" }, "t")))).toEqual([]);
    expect(FEED_ENTRIES).toBe(50);
  });

  it("the sitemap index names a child sitemap that lists every listed article, and no unlisted one", async () => {
    const index = parse(await readSitemapIndex(stack.index, site));
    const children = [...index.getElementsByTagName("loc")].map((loc) => loc.textContent);
    expect(children).toEqual(["https://news.example.org/sitemaps/0.xml"]);
    const child = parse(await readSitemap(stack.index, site, 0));
    const urls = [...child.getElementsByTagName("loc")].map((loc) => loc.textContent);
    const listed = (await stack.index.listArticles({ limit: 100 })).articles;
    expect(urls.toSorted()).toEqual(listed.map((article) => `https://news.example.org/articles/${article.slug}`).toSorted());
    expect(urls).not.toContain("https://news.example.org/articles/unstored");
    expect([...parse(await readSitemap(stack.index, site, 1)).getElementsByTagName("url")]).toEqual([]);
  });

  it("lists the sections of the whole catalog with their counts", async () => {
    expect(await stack.index.sections()).toEqual([
      { section: "markets", articles: 12 },
      { section: "policy", articles: 2 },
      { section: "events", articles: 1 },
    ]);
    expect(await stack.index.sections("en")).toEqual([
      { section: "events", articles: 1 },
      { section: "policy", articles: 1 },
    ]);
  });

  it("finds an article's other-language version from either side", async () => {
    const versions = await stack.index.storyVersions("incheon-hub-ko");
    expect(versions.map((v) => [v.slug, v.language, v.translationOf])).toEqual([
      ["incheon-hub-en", "en", "incheon-hub-ko"],
      ["incheon-hub-ko", "ko", null],
    ]);
    expect(await stack.index.storyVersions("busan-week")).toHaveLength(1);
  });

  it("gives an article's page in one call: the article, its revisions and its story's versions", async () => {
    const page = await stack.index.articlePage("incheon-hub-en");
    // The sample's preview is the empty file, stored as it is.
    expect(page?.article).toEqual({ preview: "", ...(await stack.index.articleBySlug("incheon-hub-en")) });
    expect(page?.revisions).toEqual(await stack.index.articleRevisions(page!.article.id));
    expect(page?.versions).toEqual(await stack.index.storyVersions("incheon-hub-ko"));
    expect(await stack.index.articlePage("no-such-article")).toBeUndefined();
  });
});
