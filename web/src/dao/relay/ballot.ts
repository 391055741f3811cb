import { type Address, encodeFunctionData, type Hex, type TypedDataDefinition } from "viem";
import { coverageGovernorAbi } from "../../generated/contracts.ts";

// The EIP-712 ballot a member signs to vote without gas, as OpenZeppelin's Governor 5 checks it:
// `Ballot(uint256 proposalId,uint8 support,address voter,uint256 nonce)` without a reason,
// `ExtendedBallot(...,string reason,bytes params)` with one (params always empty here). The nonce
// is the governor's keyed nonce for this proposal, `nonces(voter, uint192(proposalId))`, which
// packs the key above a 64-bit counter: read it from the chain, never compute it.

export const VOTE_SUPPORT = { against: 0, for: 1, abstain: 2 } as const;
export type VoteSupport = (typeof VOTE_SUPPORT)[keyof typeof VOTE_SUPPORT];

/** The longest reason the relay accepts (in characters): calldata is paid by the relayer. */
export const MAX_REASON_LENGTH = 1_000;

const BALLOT = [
  { name: "proposalId", type: "uint256" },
  { name: "support", type: "uint8" },
  { name: "voter", type: "address" },
  { name: "nonce", type: "uint256" },
] as const;
const EXTENDED_BALLOT = [...BALLOT, { name: "reason", type: "string" }, { name: "params", type: "bytes" }] as const;
const BALLOT_TYPES = { Ballot: BALLOT, ExtendedBallot: EXTENDED_BALLOT } as const;

export interface Ballot {
  proposalId: bigint;
  support: VoteSupport;
  voter: Address;
  /** `""` for none. */
  reason: string;
}

/** The governor's EIP-712 domain (`name()` is read from the contract; version "1", as OZ sets it). */
export interface GovernorDomain {
  name: string;
  chainId: number;
  governor: Address;
}

/**
 * What the member's wallet signs (for `signTypedData`): the extended ballot when there is a reason.
 * Both types are listed so that either ballot has one shape; only the primary type's are hashed.
 */
export function ballotTypedData(domain: GovernorDomain, ballot: Ballot, nonce: bigint): TypedDataDefinition<typeof BALLOT_TYPES> {
  const base = {
    domain: { name: domain.name, version: "1", chainId: domain.chainId, verifyingContract: domain.governor },
    types: BALLOT_TYPES,
  } as const;
  const message = { proposalId: ballot.proposalId, support: ballot.support, voter: ballot.voter, nonce };
  return ballot.reason
    ? { ...base, primaryType: "ExtendedBallot", message: { ...message, reason: ballot.reason, params: "0x" } }
    : { ...base, primaryType: "Ballot", message };
}

/**
 * The calldata that casts a signed ballot: `castVoteWithReasonAndParamsBySig` with its reason
 * (and empty params) when it has one, else `castVoteBySig`. The relay simulates and sends these
 * very bytes; a member voting with their own transaction calls `castVote`/`castVoteWithReason`.
 */
export function castSignedVoteData(ballot: Ballot, signature: Hex): Hex {
  const { proposalId, support, voter, reason } = ballot;
  return reason
    ? encodeFunctionData({
        abi: coverageGovernorAbi,
        functionName: "castVoteWithReasonAndParamsBySig",
        args: [proposalId, support, voter, reason, "0x", signature],
      })
    : encodeFunctionData({ abi: coverageGovernorAbi, functionName: "castVoteBySig", args: [proposalId, support, voter, signature] });
}
