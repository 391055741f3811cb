import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readFeed, readSitemap } from "../../web/src/feeds/archiveFeeds.ts";
import { type IndexerStack, publishParams, sampleMetadata, startIndexerStack, waitUntil } from "../helpers/indexerStack.ts";

// An unlisted article leaves every listing the publication serves (front page and its filters,
// section counts, search, feeds, sitemap, other-language links) while its holders' libraries and
// its own page still find it, with the reason. Revisions are listed with their block time.

let stack: IndexerStack;
const site = new URL("https://news.example.org");
const REASON = "게재 중단: 당사자의 법적 요청 (a legal request)";

async function publish(title: string, slug: string, fields: { language?: "ko" | "en"; section?: string; tags?: string[] } = {}) {
  const [admin, , authorA, authorB] = stack.wallets;
  const cid = await stack.metadataCid(sampleMetadata({ title, slug, ...fields }));
  await stack.confirm(
    await stack.editions.write.publish([publishParams(`ipfs://${cid}`, [authorA!.account.address, authorB!.account.address])], {
      account: admin!.account,
    }),
  );
  return stack.editions.read.articleCount();
}

const listedSlugs = async (query: Parameters<IndexerStack["index"]["listArticles"]>[0] = {}) =>
  (await stack.index.listArticles({ limit: 100, ...query })).articles.map((article) => article.slug);
const feedLinks = async (query: { section?: string; language?: string }) =>
  [...(await readFeed(stack.index, site, query, "t")).matchAll(/href="([^"]*\/articles\/[^"]+)"/g)].map((match) => match[1]);

let kept: bigint;
let gone: bigint;
let revised: bigint;
const holder = () => stack.wallets[5]!.account.address;

beforeAll(async () => {
  stack = await startIndexerStack();
  kept = await publish("Harbour pilots strike", "harbour-strike", { section: "labour", tags: ["port"] });
  gone = await publish("항만 도선사 파업 단독", "harbour-strike-ko", { language: "ko", section: "labour", tags: ["port"] });
  revised = await publish("Ferry timetable", "ferry-timetable", { section: "transport" });
  const price = (await stack.editions.read.article([gone]))[1].price;
  await stack.confirm(
    await stack.editions.write.collect([gone, 1n, holder(), holder()], { value: price, account: stack.wallets[5]!.account }),
  );
  await waitUntil(async () => (await listedSlugs()).length === 3, 60_000);
}, 240_000);
afterAll(async () => stack?.stop());

describe("an unlisted article", () => {
  it("is listed everywhere before it is unlisted", async () => {
    expect(await listedSlugs({ language: "ko" })).toEqual(["harbour-strike-ko"]);
    expect((await stack.index.search("도선사")).articles).toHaveLength(1);
    expect(await feedLinks({ section: "labour" })).toContain("https://news.example.org/articles/harbour-strike-ko");
  });

  it("leaves the front page, its filters, the section counts, search, the feeds and the sitemap", async () => {
    const [admin] = stack.wallets;
    await stack.confirm(await stack.editions.write.unlist([gone, REASON], { account: admin!.account }));
    await stack.indexed();
    expect(await listedSlugs()).toEqual(["ferry-timetable", "harbour-strike"]);
    expect(await listedSlugs({ section: "labour" })).toEqual(["harbour-strike"]);
    expect(await listedSlugs({ tag: "port" })).toEqual(["harbour-strike"]);
    expect(await listedSlugs({ language: "ko" })).toEqual([]);
    expect(await stack.index.sections()).toEqual([
      { section: "labour", articles: 1 },
      { section: "transport", articles: 1 },
    ]);
    expect(await stack.index.sections("ko")).toEqual([]);
    expect((await stack.index.search("도선사")).articles).toEqual([]);
    expect((await stack.index.search("harbour")).articles.map((article) => article.slug)).toEqual(["harbour-strike"]);
    for (const query of [{}, { section: "labour" }, { language: "ko" }]) {
      expect(await feedLinks(query)).not.toContain("https://news.example.org/articles/harbour-strike-ko");
    }
    const sitemap = await readSitemap(stack.index, site, 0);
    expect(sitemap).toContain("/articles/harbour-strike<");
    expect(sitemap).not.toContain("harbour-strike-ko");
  });

  it("is still found by its page and its holder's library, with the reason and its sale closed", async () => {
    const bySlug = await stack.index.articleBySlug("harbour-strike-ko");
    expect(bySlug?.unlistedReason).toBe(REASON);
    expect(bySlug?.unlistedAt).toBeGreaterThan(0n);
    expect(bySlug?.saleEnd).toBe(bySlug?.unlistedAt);
    const listedOne = await stack.index.articleBySlug("harbour-strike");
    expect([listedOne?.id, listedOne?.unlistedAt, listedOne?.unlistedReason]).toEqual([kept, null, null]);
    const library = await stack.index.libraryOf(holder());
    expect(library.editions.map((held) => held.articleId)).toEqual([gone]);
    const [held] = await stack.index.articlesByIds([gone]);
    expect([held?.title, held?.unlistedReason]).toEqual(["항만 도선사 파업 단독", REASON]);
  });
});

describe("revision history", () => {
  it("lists every revision with its metadata CID and block time, oldest first", async () => {
    const [admin] = stack.wallets;
    const [original] = await stack.editions.read.article([revised]);
    const cid = await stack.metadataCid(
      sampleMetadata({ title: "Ferry timetable (corrected)", slug: "ferry-timetable", section: "transport" }),
    );
    await stack.confirm(await stack.editions.write.revise([revised, `ipfs://${cid}`], { account: admin!.account }));
    await stack.indexed();
    const revisions = await stack.index.articleRevisions(revised);
    expect(revisions.map((r) => [r.revision, r.uri])).toEqual([
      [0, original],
      [1, `ipfs://${cid}`],
    ]);
    expect(revisions[0]!.cid).not.toBe(revisions[1]!.cid);
    expect(revisions[1]!.publishedAt).toBeGreaterThanOrEqual(revisions[0]!.publishedAt);
    expect(revisions[1]!.publishedAt).toBeGreaterThan(0n);
    expect(await stack.index.articleRevisions(999n)).toEqual([]);
    expect((await stack.index.articlePage("ferry-timetable"))?.revisions).toEqual(revisions);
  });
});
