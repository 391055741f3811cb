import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type IndexerStack, publishParams, sampleMetadata, startIndexerStack, waitUntil } from "../helpers/indexerStack.ts";

let stack: IndexerStack;
beforeAll(async () => {
  stack = await startIndexerStack();
}, 180_000);
afterAll(async () => stack?.stop());

describe("the index after a reorg", () => {
  it("shows only what the chain now holds", async () => {
    const [admin, , authorA, authorB, collector] = stack.wallets;
    const authors = [authorA!.account.address, authorB!.account.address] as const;
    const publish = async (slug: string) => {
      const uri = `ipfs://${await stack.metadataCid(sampleMetadata({ title: slug, slug }))}`;
      return stack.confirm(await stack.editions.write.publish([publishParams(uri, authors)], { account: admin!.account }));
    };
    const test = await stack.viem.getTestClient();
    const id = (await stack.editions.read.articleCount()) + 1n;

    const snapshot = await test.snapshot();
    await publish("lost-in-the-reorg");
    const { editions: asCollector } = await stack.as(collector!);
    await stack.confirm(
      await asCollector.write.collect([id, 2n, collector!.account.address, authorA!.account.address], { value: 2_000_006n }),
    );
    await stack.indexed();
    await waitUntil(async () => (await stack.index.articleBySlug("lost-in-the-reorg")) !== undefined);
    expect((await stack.index.libraryOf(collector!.account.address)).editions).toEqual([{ articleId: id, balance: 2n }]);

    await test.revert({ id: snapshot });
    await publish("kept-after-the-reorg");
    await test.mine({ blocks: 3 }); // the new branch outgrows the old one
    await stack.indexed();
    await waitUntil(async () => (await stack.index.articleBySlug("kept-after-the-reorg")) !== undefined);

    const [uri] = await stack.editions.read.article([id]);
    expect((await stack.index.articleFacts(id))?.uri).toBe(uri);
    expect((await stack.index.articleFacts(id))?.minted).toBe(0n);
    expect(await stack.index.articleBySlug("lost-in-the-reorg")).toBeUndefined();
    expect((await stack.index.listArticles()).articles.map((a) => a.slug)).toEqual(["kept-after-the-reorg"]);
    expect((await stack.index.libraryOf(collector!.account.address)).editions).toEqual([]);
    expect((await stack.index.owedTo(authorA!.account.address)).editions.total).toBe(0n);
  });
});
