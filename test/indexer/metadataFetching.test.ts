import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { cidOfBytes } from "../../web/src/ipfs/cidOfBytes.ts";
import { type IndexerStack, publishParams, sampleMetadata, startIndexerStack, waitUntil } from "../helpers/indexerStack.ts";

let stack: IndexerStack;
beforeAll(async () => {
  stack = await startIndexerStack();
}, 180_000);
afterAll(async () => stack?.stop());

describe("article metadata in the index", () => {
  it("lists an article once its metadata is stored; an unreachable CID holds up no later article, and is retried until it arrives", async () => {
    const [admin, , authorA, authorB] = stack.wallets;
    const authors = [authorA!.account.address, authorB!.account.address] as const;
    const publish = async (uri: string) =>
      stack.confirm(await stack.editions.write.publish([publishParams(uri, authors)], { account: admin!.account }));
    const missing = sampleMetadata({
      title: "비트코인 현물 ETF 승인",
      slug: "spot-etf",
      language: "ko",
      section: "markets",
      tags: ["etf", "bitcoin"],
    });
    const missingCid = await stack.metadataCid(missing, { upload: false }); // nobody serves it yet
    await publish(`ipfs://${missingCid}`);
    await publish(
      `ipfs://${await stack.metadataCid(sampleMetadata({ title: "Busan Blockchain Week", slug: "busan-week", section: "events", tags: ["busan"] }))}`,
    );
    const block = await stack.indexed();

    // The later article is listed while the first one's metadata cannot be fetched.
    await waitUntil(async () => (await stack.index.listArticles()).articles.length > 0);
    const page = await stack.index.listArticles();
    expect(page.articles.map((a) => [a.id, a.slug, a.title, a.section, a.tags])).toEqual([
      [2n, "busan-week", "Busan Blockchain Week", "events", ["busan"]],
    ]);
    expect(page.articles[0]!.publishedBlock).toBe(block);
    const unlisted = await stack.index.articleFacts(1n);
    expect(unlisted?.revisions).toEqual([
      { revision: 0, uri: `ipfs://${missingCid}`, cid: missingCid.toString(), blockNumber: block - 1n, metadataStatus: null },
    ]);
    // A later event for the unlisted article is indexed all the same.
    await stack.confirm(await stack.editions.write.closeSale([1n], { account: admin!.account }));
    await stack.indexed();
    expect((await stack.index.articleFacts(1n))?.closedAt).not.toBeNull();

    // Once IPFS has it, a retry stores it and the article is listed, with its filters.
    await stack.metadataCid(missing);
    await waitUntil(async () => (await stack.index.articleBySlug("spot-etf")) !== undefined, 30_000);
    expect((await stack.index.listArticles({ language: "ko" })).articles.map((a) => a.title)).toEqual(["비트코인 현물 ETF 승인"]);
    expect((await stack.index.listArticles({ tag: "bitcoin" })).articles.map((a) => a.id)).toEqual([1n]);
    expect((await stack.index.listArticles({ section: "events" })).articles.map((a) => a.id)).toEqual([2n]);
    const first = await stack.index.listArticles({ limit: 1 });
    expect(first.nextCursor).toBe(2n);
    expect(first.articles.map((a) => a.id)).toEqual([2n]);
    expect((await stack.index.listArticles({ limit: 1, cursor: first.nextCursor! })).articles.map((a) => a.id)).toEqual([1n]);
  });

  it("never lists an article whose metadata is not article metadata, and does not fetch it again", async () => {
    const [admin, , authorA, authorB] = stack.wallets;
    const { cid } = await stack.ipfs.client.add(new TextEncoder().encode('{"name":"not an article"}'), { cidVersion: 0, pin: true });
    await stack.confirm(
      await stack.editions.write.publish([publishParams(`ipfs://${cid}`, [authorA!.account.address, authorB!.account.address])], {
        account: admin!.account,
      }),
    );
    const id = await stack.editions.read.articleCount();
    await waitUntil(async () => (await stack.index.articleFacts(id))?.revisions[0]?.metadataStatus === "invalid");
    expect((await stack.index.listArticles({ limit: 100 })).articles.map((a) => a.id)).not.toContain(id);
  });

  it("stores each article's free preview with its metadata, so its page fetches nothing from IPFS; a preview that breaks the rules is left out, the article still listed", async () => {
    const [admin, , authorA, authorB] = stack.wallets;
    const authors = [authorA!.account.address, authorB!.account.address] as const;
    const upload = async (bytes: Uint8Array) => (await stack.ipfs.client.add(bytes, { cidVersion: 0, pin: true })).cid.toString();
    const previewText = "# 부산, 블록체인 특구 2년\n\n부산시는 지역 화폐와 NFT 관광 상품을 시험했다.\n";
    const good = sampleMetadata({
      title: "부산 블록체인 특구",
      slug: "busan-zone",
      language: "ko",
      previewCid: await upload(new TextEncoder().encode(previewText)),
    });
    const notText = sampleMetadata({
      title: "Not text",
      slug: "not-text",
      previewCid: await upload(new Uint8Array([0xff, 0xfe, 0x00, 0xc3])),
    });
    for (const metadata of [good, notText]) {
      const uri = `ipfs://${await stack.metadataCid(metadata)}`;
      await stack.confirm(await stack.editions.write.publish([publishParams(uri, authors)], { account: admin!.account }));
    }
    await waitUntil(async () => (await stack.index.articlePage("not-text"))?.article.preview === null, 30_000);
    expect((await stack.index.articlePage("busan-zone"))?.article.preview).toBe(previewText);
    // Listed, its preview left to the page (which says it was refused).
    expect(await stack.index.articleBySlug("not-text")).toBeDefined();
    // Lists and plain lookups carry no previews: a page of ten stays small.
    expect((await stack.index.listArticles()).articles.some((article) => "preview" in article)).toBe(false);
    expect("preview" in (await stack.index.articleBySlug("busan-zone"))!).toBe(false);
  });

  it("lists an article whose preview IPFS cannot deliver yet, and stores the preview once it arrives", async () => {
    const [admin, , authorA, authorB] = stack.wallets;
    const previewBytes = new TextEncoder().encode("인천 항만 자동화 실험, 1년의 기록.\n");
    const previewCid = (await cidOfBytes(previewBytes)).toString(); // nobody serves it yet
    const metadata = sampleMetadata({ title: "인천 항만 자동화", slug: "incheon-port", language: "ko", previewCid });
    const uri = `ipfs://${await stack.metadataCid(metadata)}`;
    await stack.confirm(
      await stack.editions.write.publish([publishParams(uri, [authorA!.account.address, authorB!.account.address])], {
        account: admin!.account,
      }),
    );
    await waitUntil(async () => (await stack.index.articleBySlug("incheon-port")) !== undefined, 30_000);
    expect((await stack.index.articlePage("incheon-port"))?.article.preview).toBeNull();
    await stack.ipfs.client.add(previewBytes, { cidVersion: 0, pin: true });
    await waitUntil(
      async () => (await stack.index.articlePage("incheon-port"))?.article.preview === "인천 항만 자동화 실험, 1년의 기록.\n",
      30_000,
    );
  });
});
