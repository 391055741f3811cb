import { type Account, type Address, BaseError, ContractFunctionRevertedError, decodeErrorResult, type Hex, type PublicClient } from "viem";
import { coverageGovernorAbi } from "../../generated/contracts.ts";
import type { MessageKey } from "../../i18n/messages.ts";
import { type Ballot, castSignedVoteData } from "./ballot.ts";
import { type Refusal, refusal, revertRefusal } from "./refusal.ts";

const ACTIVE = 1;

/** The chain reads the relay makes (any viem public client has them). */
export type ChainReader = Pick<
  PublicClient,
  | "readContract"
  | "call"
  | "estimateGas"
  | "getBalance"
  | "getTransactionCount"
  | "waitForTransactionReceipt"
  | "getTransactionReceipt"
  | "getTransaction"
>;

/** The governor's error for a revert, when the revert was one (anything else is an outage). */
function revertOf(error: unknown) {
  const revert = error instanceof BaseError ? error.walk((e) => e instanceof ContractFunctionRevertedError) : null;
  return revert instanceof ContractFunctionRevertedError ? (revert.data?.errorName ?? "unknown") : null;
}

/** A reverted `eth_call`'s data decoded against the governor's ABI, as a contract call's revert would be. */
function decodedRevert(error: unknown) {
  // As viem finds it for contract calls: on the innermost error, as `data` or an RPC error's `data.data`.
  const inner = error instanceof BaseError ? (error.walk() as { data?: unknown }) : null;
  const data = typeof inner?.data === "object" ? (inner.data as { data?: unknown })?.data : inner?.data;
  if (typeof data !== "string" || !/^0x[0-9a-fA-F]{8}/.test(data)) return null;
  try {
    const { errorName } = decodeErrorResult({ abi: coverageGovernorAbi, data: data as Hex });
    return {
      errorName,
      error: new ContractFunctionRevertedError({ abi: coverageGovernorAbi, data: data as Hex, functionName: "castVoteBySig" }),
    };
  } catch {
    return null;
  }
}

/**
 * Everything that would make the relayed vote fail or count for nothing, asked of the chain before
 * the relayer spends a thing: the proposal is open, the voter held votes at its snapshot and has not
 * voted, and the exact transaction succeeds when simulated from the relayer (which is where a bad
 * signature, another proposal's signature or a spent nonce shows). Returns the refusal, or the
 * simulated request to send. A vote that would use more than `maxGas` is refused: a contract
 * wallet's signature check, or a huge signature, could otherwise make the relayer pay any amount.
 */
export async function checkVote(client: ChainReader, governor: Address, relayer: Account, ballot: Ballot, signature: Hex, maxGas: bigint) {
  const { proposalId, voter } = ballot;
  const at = { address: governor, abi: coverageGovernorAbi } as const;
  const values = { proposal: proposalId.toString(), voter };
  let state: number;
  try {
    state = await client.readContract({ ...at, functionName: "state", args: [proposalId] });
  } catch (error) {
    if (revertOf(error) === "GovernorNonexistentProposal") return refusal(404, "relay.unknownProposal", values);
    throw error;
  }
  if (state !== ACTIVE) {
    return refusal(422, "relay.notActive", values, (t) => ({ state: t[`relay.state.${state}` as MessageKey] ?? String(state) }));
  }
  const [snapshot, voted] = await Promise.all([
    client.readContract({ ...at, functionName: "proposalSnapshot", args: [proposalId] }),
    client.readContract({ ...at, functionName: "hasVoted", args: [proposalId, voter] }),
  ]);
  if (voted) return refusal(409, "relay.alreadyVoted", values);
  // A vote of no weight would succeed and count for nothing: the relayer would pay for a no-op.
  const weight = await client.readContract({ ...at, functionName: "getVotes", args: [voter, snapshot] });
  if (weight === 0n) return refusal(422, "relay.noVotes", values);
  // The exact transaction, as an eth_call from the relayer: a bad signature, another proposal's
  // signature or a spent nonce reverts here (GovernorInvalidSignature), not on chain.
  const data = castSignedVoteData(ballot, signature);
  try {
    await client.call({ account: relayer, to: governor, data });
    const gas = await client.estimateGas({ account: relayer, to: governor, data });
    if (gas > maxGas) return refusal(422, "relay.tooCostly", { gas: gas.toString(), max: maxGas.toString() });
    return { data, weight };
  } catch (error) {
    const revert = decodedRevert(error);
    if (!revert) throw error;
    return revertRefusal(revert.errorName === "GovernorAlreadyCastVote" ? 409 : 422, revert.errorName, revert.error) satisfies Refusal;
  }
}
