import { UserRejectedRequestError } from "viem";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { bulkCollect, bulkPublish } from "../../scripts/bench/scale/bulkPublish.ts";
import { BLOCK_SHARE, BatchFailedError, type BatchProgress, withdrawInBatches } from "../../web/src/payouts/withdrawInBatches.ts";
import { viemPayoutChain } from "../../web/src/payouts/viemPayoutChain.ts";
import { type IndexerStack, startIndexerStack, waitUntil } from "../helpers/indexerStack.ts";

// An author owed on 2,000 articles, and the treasury on all of them: more ids than one `withdraw`
// carries. Published and sold in bulk straight through the contracts and IPFS (the scale bench's
// publisher), then withdrawn in batches by the module the library page uses.

const ARTICLES = 2_000;
const PRICE = 1_000_000_000_000_000n; // the bulk publisher's price: 90% to the author, 10% to the treasury

let stack: IndexerStack;
beforeAll(async () => {
  stack = await startIndexerStack();
}, 180_000);
afterAll(async () => stack?.stop());

/** Waits (longer than `stack.indexed`) for the index to take in thousands of events. */
async function indexCaughtUp() {
  const head = await stack.publicClient.getBlockNumber({ cacheTime: 0 });
  await waitUntil(async () => ((await stack.index.status())?.blockNumber ?? -1n) >= head, 300_000);
}

/** `owed` over many ids, a chunk per call (one call over all 2,000 would outgrow eth_call's gas cap). */
async function owedOnChain(payee: `0x${string}`, ids: bigint[]) {
  let sum = 0n;
  for (let at = 0; at < ids.length; at += 400) sum += await stack.editions.read.owed([payee, ids.slice(at, at + 400)]);
  return sum;
}

describe("withdrawing across 2,000 articles", () => {
  it("pays the author and the treasury exactly what they were owed, in batches that fit a block, across a failed batch and a stale list", async () => {
    const [admin, treasury, , , , author, collector, relayer] = stack.wallets;
    const target = { publicClient: stack.publicClient, editions: stack.editions.address };
    await bulkPublish(
      { ...target, walletClient: admin!, ipfs: stack.ipfs.client, siteUrl: "http://localhost:3000", author: author!.account.address },
      ARTICLES,
    );
    const ids = Array.from({ length: ARTICLES }, (_, at) => BigInt(at + 1));
    await bulkCollect({ ...target, walletClient: collector! }, ids);
    await indexCaughtUp();

    const authorAddress = author!.account.address;
    const expected = (BigInt(ARTICLES) * PRICE * 9_000n) / 10_000n;
    const owedByIndex = await stack.index.owedTo(authorAddress);
    expect(owedByIndex.editions.articleIds).toEqual(ids);
    expect(owedByIndex.editions.total).toBe(expected);
    expect(await owedOnChain(authorAddress, ids)).toBe(expected);

    // Withdrawals sent by another wallet (anyone may trigger a payee's), so the author pays no gas
    // and their balance must rise by exactly what they were owed.
    const chain = viemPayoutChain({
      publicClient: stack.publicClient,
      walletClient: relayer!,
      editions: stack.editions.address,
      payee: authorAddress,
    });
    const blockGasLimit = await chain.blockGasLimit();
    const sent: { ids: readonly bigint[]; gas: bigint }[] = [];
    let refuseSecond = true;
    const recording = {
      ...chain,
      async withdraw(articleIds: readonly bigint[], gas: bigint) {
        // The reader rejects the second batch in their wallet.
        if (sent.length === 1 && refuseSecond) {
          refuseSecond = false;
          throw new UserRejectedRequestError(new Error("User rejected the request."));
        }
        await chain.withdraw(articleIds, gas);
        sent.push({ ids: articleIds, gas });
      },
    };
    const before = await stack.publicClient.getBalance({ address: authorAddress });

    const failed = await withdrawInBatches(recording, owedByIndex.editions.articleIds).catch((error: unknown) => error);
    expect(failed).toBeInstanceOf(BatchFailedError);
    const { progress, withdrawn } = failed as BatchFailedError;
    expect(progress).toMatchObject({ batch: 2, done: withdrawn.length, total: ARTICLES });
    expect(withdrawn).toEqual(sent[0]!.ids);
    expect(await owedOnChain(authorAddress, withdrawn)).toBe(0n);

    // After a reload the page may still list every id (the index a moment behind): the run asks
    // the chain what is still owed and withdraws the rest, none a second time.
    const seen: BatchProgress[] = [];
    const rest = await withdrawInBatches(recording, owedByIndex.editions.articleIds, (p) => seen.push(p));
    expect(seen[1]).toMatchObject({ batch: 1, done: 0, total: ARTICLES - withdrawn.length, step: "sending" });
    expect(seen.at(-1)).toMatchObject({ batch: rest.batches, batches: rest.batches, done: ARTICLES - withdrawn.length, step: "finished" });
    expect(rest.batches).toBeGreaterThan(1);
    const everyId = sent.flatMap((batch) => batch.ids);
    expect(everyId).toHaveLength(ARTICLES);
    expect(new Set(everyId).size).toBe(ARTICLES);
    expect([...everyId].sort((a, b) => Number(a - b))).toEqual(ids);
    // Each batch's gas limit (estimate plus headroom) stays well under the block's.
    for (const batch of sent)
      expect(batch.gas).toBeLessThanOrEqual((blockGasLimit * BLOCK_SHARE.numerator * 6n) / (BLOCK_SHARE.denominator * 5n));

    console.log(
      `author: ${sent.length} batches of ${sent.map((batch) => batch.ids.length).join(", ")} articles, gas limits up to ${Math.max(...sent.map((batch) => Number(batch.gas)))} (block gas limit ${blockGasLimit})`,
    );
    expect((await stack.publicClient.getBalance({ address: authorAddress })) - before).toBe(expected);
    expect(await owedOnChain(authorAddress, ids)).toBe(0n);
    await indexCaughtUp();
    const after = await stack.index.owedTo(authorAddress);
    expect(after.editions).toEqual({ total: 0n, credit: 0n, articleIds: [] });
    // A run with nothing left sends nothing.
    expect(await withdrawInBatches(recording, ids)).toEqual({ withdrawn: [], batches: 0 });
    expect(sent.flatMap((batch) => batch.ids)).toHaveLength(ARTICLES);

    // The treasury is owed the rest of every sale.
    const treasuryAddress = treasury!.account.address;
    const treasuryOwed = await stack.index.owedTo(treasuryAddress);
    expect(treasuryOwed.editions.articleIds).toEqual(ids);
    expect(treasuryOwed.editions.total).toBe(BigInt(ARTICLES) * PRICE - expected);
    const treasuryBefore = await stack.publicClient.getBalance({ address: treasuryAddress });
    const forTreasury = viemPayoutChain({
      publicClient: stack.publicClient,
      walletClient: relayer!,
      editions: stack.editions.address,
      payee: treasuryAddress,
    });
    const paid = await withdrawInBatches(forTreasury, treasuryOwed.editions.articleIds);
    expect(paid.withdrawn).toEqual(ids);
    expect((await stack.publicClient.getBalance({ address: treasuryAddress })) - treasuryBefore).toBe(BigInt(ARTICLES) * PRICE - expected);
    expect(await owedOnChain(treasuryAddress, ids)).toBe(0n);
    await indexCaughtUp();
    await waitUntil(async () => (await stack.index.owedTo(treasuryAddress)).editions.total === 0n);
    expect((await stack.index.owedTo(treasuryAddress)).editions.articleIds).toEqual([]);
  }, 900_000);
});
