import "server-only";
import { type ProposalAction, rememberingDryRuns } from "@/dao/dryRunActions.ts";
import { coverageDeskAbi, coverageGovernorAbi, deploymentOn } from "@/generated/contracts.ts";
import { IndexUnavailableError } from "@/indexer/createIndexReader.ts";
import type { CommissionRecord, ProposalDetail, ProposalSummary } from "@/indexer/daoTypes.ts";
import { chainClient } from "./publication.ts";
import { serverConfig } from "./serverConfig.ts";

// What the DAO pages read. History (proposals, votes with reasons, commissions) comes from the
// event index; what decides anything (a proposal's state, its tallies and quorum, the treasury's
// balance, a member's votes) is read from the chain at the latest block.

/** OpenZeppelin's `IGovernor.ProposalState`, in order. */
export const PROPOSAL_STATES = ["pending", "active", "canceled", "defeated", "succeeded", "queued", "expired", "executed"] as const;
export type ProposalState = (typeof PROPOSAL_STATES)[number];

/** The DAO's contracts on the configured chain, or null for a publication deployed without one. */
export function daoAddresses() {
  const deployed = deploymentOn(serverConfig().CHAIN_ID);
  if (!deployed?.CoverageGovernor || !deployed.TimelockController || !deployed.CoverageDesk) return null;
  return {
    deployed,
    governor: deployed.CoverageGovernor.address,
    timelock: deployed.TimelockController.address,
    desk: deployed.CoverageDesk.address,
    pass: deployed.MembershipPass.address,
  };
}
export type DaoAddresses = NonNullable<ReturnType<typeof daoAddresses>>;

async function indexGet<T>(path: string): Promise<T | undefined> {
  const { INDEXER_URL, INDEXER_TIMEOUT_MS } = serverConfig();
  let response: Response;
  try {
    response = await fetch(`${INDEXER_URL.replace(/\/$/, "")}${path}`, { signal: AbortSignal.timeout(INDEXER_TIMEOUT_MS) });
  } catch (error) {
    throw new IndexUnavailableError(`The indexer did not answer (${(error as Error).message}).`, { cause: error });
  }
  if (response.status === 404) return undefined;
  if (!response.ok) throw new IndexUnavailableError(`The indexer answered ${response.status} for ${path}.`);
  return (await response.json()) as T;
}

export const indexedProposals = async () => (await indexGet<ProposalSummary[]>("/dao/proposals?limit=50")) ?? [];
export const indexedProposal = (id: bigint) => indexGet<ProposalDetail>(`/dao/proposals/${id}`);
export const openCommissions = async () => (await indexGet<CommissionRecord[]>("/dao/commissions/open")) ?? [];

export interface ProposalChainFacts {
  state: ProposalState;
  against: bigint;
  for: bigint;
  abstain: bigint;
  quorum: bigint;
  snapshot: bigint;
  deadline: bigint;
  eta: bigint;
}

/** State, tallies, quorum and times of each proposal, as the governor says now. */
export async function proposalChainFacts(dao: DaoAddresses, ids: bigint[]): Promise<Map<string, ProposalChainFacts>> {
  const client = chainClient();
  const governor = { address: dao.governor, abi: coverageGovernorAbi } as const;
  const clock = BigInt(await client.readContract({ ...governor, functionName: "clock" }));
  const facts = await Promise.all(
    ids.map(async (id) => {
      const [state, votes, snapshot, deadline, eta] = await Promise.all([
        client.readContract({ ...governor, functionName: "state", args: [id] }),
        client.readContract({ ...governor, functionName: "proposalVotes", args: [id] }),
        client.readContract({ ...governor, functionName: "proposalSnapshot", args: [id] }),
        client.readContract({ ...governor, functionName: "proposalDeadline", args: [id] }),
        client.readContract({ ...governor, functionName: "proposalEta", args: [id] }),
      ]);
      // Quorum is known only for past timepoints: a pending proposal shows today's.
      const at = snapshot < clock ? snapshot : clock - 1n;
      const quorum = await client.readContract({ ...governor, functionName: "quorum", args: [at] });
      const [against, inFavour, abstain] = votes;
      return [id.toString(), { state: PROPOSAL_STATES[state], against, for: inFavour, abstain, quorum, snapshot, deadline, eta }] as const;
    }),
  );
  return new Map(facts);
}

/** The chain's clock (the governor's timestamps are block times, which a local chain can move). */
export async function chainNow() {
  return (await chainClient().getBlock()).timestamp;
}

export async function treasuryFacts(dao: DaoAddresses) {
  const client = chainClient();
  const [balance, escrowed, threshold] = await Promise.all([
    client.getBalance({ address: dao.timelock }),
    client.readContract({ address: dao.desk, abi: coverageDeskAbi, functionName: "escrowed" }),
    client.readContract({ address: dao.governor, abi: coverageGovernorAbi, functionName: "proposalThreshold" }),
  ]);
  return { balance, escrowed, threshold };
}

export type { DryRun } from "@/dao/dryRunActions.ts";

let dryRuns: ReturnType<typeof rememberingDryRuns> | undefined;

/**
 * Each action run now from the timelock's address with `eth_call`, as the execution would run it:
 * whether it would succeed, and why not. Remembered for the latest block (dao/dryRunActions.ts),
 * so views of a proposal between two blocks cost one set of calls.
 */
export function dryRun(dao: DaoAddresses, actions: ProposalAction[]) {
  dryRuns ??= rememberingDryRuns(chainClient(), dao.timelock);
  return dryRuns(actions);
}
