import { type Address, createPublicClient, http } from "viem";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type ProposalAction, rememberingDryRuns } from "../../web/src/dao/dryRunActions.ts";
import { startGovernedChain, testSigner } from "../helpers/governedChain.ts";

// The proposal page dry-runs every action of a proposal from the treasury (the timelock). Views
// at one block share one set of eth_calls: counted here on the wire to anvil, with the governed
// publication deployed by the production deploy code.

let chain: Awaited<ReturnType<typeof startGovernedChain>>;
beforeAll(async () => {
  chain = await startGovernedChain();
}, 180_000);
afterAll(async () => {
  await chain?.stop();
});

/** A client whose every JSON-RPC request is counted by method. */
function countingClient() {
  const calls = new Map<string, number>();
  const client = createPublicClient({
    transport: http(chain.rpcUrl, {
      async onFetchRequest(request) {
        const body = (await request.clone().json()) as { method: string } | { method: string }[];
        for (const { method } of [body].flat()) calls.set(method, (calls.get(method) ?? 0) + 1);
      },
    }),
  });
  return { client, count: (method: string) => calls.get(method) ?? 0 };
}

describe("a proposal's dry run", () => {
  it("costs one set of eth_calls per block, however many views (at once or one after another)", async () => {
    const { client, count } = countingClient();
    const timelock = chain.dao.timelock.address;
    const actions: ProposalAction[] = [
      // Sending nothing to a wallet succeeds; calling the desk with a selector it lacks reverts.
      { target: testSigner(9).address, value: "0", calldata: "0x" },
      { target: chain.dao.desk.address as Address, value: "0", calldata: "0xdeadbeef" },
    ];
    const dryRun = rememberingDryRuns(client, timelock);

    const first = await dryRun(actions);
    expect(first.map((trial) => trial.ok)).toEqual([true, false]);
    expect(first[1].reason).toBeTruthy();
    expect(count("eth_call")).toBe(actions.length);

    // A second view at the same block: the same answer, no eth_call (one eth_blockNumber to know the block).
    expect(await dryRun(actions)).toEqual(first);
    expect(count("eth_call")).toBe(actions.length);
    expect(count("eth_blockNumber")).toBe(2);

    // A new block: ten views at once share one run.
    await chain.testClient.mine({ blocks: 1 });
    const views = await Promise.all(Array.from({ length: 10 }, () => dryRun(actions)));
    for (const view of views) expect(view).toEqual(first);
    expect(count("eth_call")).toBe(2 * actions.length);

    // Each block is asked again: what the page says is never older than the block it read.
    await chain.testClient.mine({ blocks: 1 });
    await dryRun(actions);
    expect(count("eth_call")).toBe(3 * actions.length);
  });

  it("tells a state change at the next block: the treasury funded, a transfer that failed now succeeds", async () => {
    const { client } = countingClient();
    const timelock = chain.dao.timelock.address;
    const balance = await client.getBalance({ address: timelock });
    const transfer: ProposalAction[] = [{ target: testSigner(9).address, value: (balance + 10n ** 18n).toString(), calldata: "0x" }];
    const dryRun = rememberingDryRuns(client, timelock);
    expect((await dryRun(transfer))[0].ok).toBe(false);
    await chain.testClient.setBalance({ address: timelock, value: balance + 2n * 10n ** 18n });
    await chain.testClient.mine({ blocks: 1 });
    expect((await dryRun(transfer))[0].ok).toBe(true);
  });
});
