import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type IndexerStack, publishParams, sampleMetadata, startIndexerStack, waitUntil } from "../helpers/indexerStack.ts";

// The production shape: one `ponder start` writing to Postgres, `ponder serve` processes answering
// the web's reads from it. `ponder serve` needs a Postgres server: vitest.config.ts includes this
// file only when TEST_DATABASE_URL names one (.ci/postgres-tests starts it).
if (!process.env.TEST_DATABASE_URL) throw new Error("This test needs TEST_DATABASE_URL: run it through .ci/postgres-tests.");

let stack: IndexerStack;
beforeAll(async () => {
  stack = await startIndexerStack();
}, 180_000);
afterAll(async () => stack?.stop());

describe("a read replica (ponder serve) on the same Postgres", () => {
  it("answers the same reads as the indexer, and follows it", async () => {
    const [admin, , authorA, authorB] = stack.wallets;
    const replica = await stack.startReplica();
    const uri = `ipfs://${await stack.metadataCid(sampleMetadata({ title: "Kaia governance", slug: "kaia-governance", section: "policy" }))}`;
    await stack.confirm(
      await stack.editions.write.publish([publishParams(uri, [authorA!.account.address, authorB!.account.address])], {
        account: admin!.account,
      }),
    );
    await stack.indexed();
    await waitUntil(async () => (await replica.articleBySlug("kaia-governance")) !== undefined);
    expect(await replica.listArticles({ section: "policy" })).toEqual(await stack.index.listArticles({ section: "policy" }));
    expect(await replica.tiers()).toEqual(await stack.index.tiers());
    expect(await replica.owedTo(authorA!.account.address)).toEqual(await stack.index.owedTo(authorA!.account.address));
    expect(await replica.status()).toEqual(await stack.index.status());
  });
});
