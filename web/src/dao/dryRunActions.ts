// A proposal's actions tried now from the timelock's address, as their execution would run them,
// and remembered per block so that a busy proposal page does not run them again for every view.
// Relative imports only: Node loads this module in tests.
import type { Address, PublicClient } from "viem";

export interface ProposalAction {
  target: Address;
  /** Wei, as a decimal string. */
  value: string;
  calldata: `0x${string}`;
}

export interface DryRun {
  ok: boolean;
  /** The revert's reason in the contract's words, when it would fail. */
  reason?: string;
}

type DryRunClient = Pick<PublicClient, "call" | "getBlockNumber">;

/** Each action run with `eth_call` from the timelock at `blockNumber`: whether it would succeed, and why not. */
export function dryRunActions(client: DryRunClient, timelock: Address, actions: readonly ProposalAction[], blockNumber: bigint) {
  return Promise.all(
    actions.map(async (action): Promise<DryRun> => {
      try {
        await client.call({ account: timelock, to: action.target, data: action.calldata, value: BigInt(action.value), blockNumber });
        return { ok: true };
      } catch (error) {
        const message = (error as { shortMessage?: string }).shortMessage ?? (error as Error).message;
        return { ok: false, reason: message.split("\n")[0].slice(0, 300) };
      }
    }),
  );
}

/** Sets of actions whose latest dry run is kept (the proposal pages being read). */
const REMEMBERED = 200;

/**
 * Dry runs remembered per set of actions for the latest block: every view at one block shares one
 * set of `eth_call`s (the run in flight, if one is); a new block runs them again, so what a page
 * says is never older than the block it read. Each view costs one `eth_blockNumber`.
 */
export function rememberingDryRuns(client: DryRunClient, timelock: Address) {
  const last = new Map<string, { block: bigint; result: Promise<DryRun[]> }>();
  return async (actions: readonly ProposalAction[]) => {
    const block = await client.getBlockNumber({ cacheTime: 0 });
    const key = actions.map((action) => `${action.target}:${action.value}:${action.calldata}`).join("|");
    const known = last.get(key);
    if (known && known.block === block) return known.result;
    const result = dryRunActions(client, timelock, actions, block);
    last.delete(key);
    if (last.size >= REMEMBERED) last.delete(last.keys().next().value!);
    last.set(key, { block, result });
    return result;
  };
}
