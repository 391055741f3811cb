import type { Address } from "viem";
import { coverageGovernorAbi } from "../generated/contracts.ts";
import { contractWrite } from "./contractWrite.ts";

// A member's own vote (they pay the gas), the alternative to the gasless relay.

/** Votes For (1), Against (0) or Abstain (2) on a proposal; the reason may be empty. */
export const castOwnVote = (governor: Address, proposalId: bigint, support: 0 | 1 | 2, reason: string) =>
  contractWrite({ address: governor, abi: coverageGovernorAbi, functionName: "castVoteWithReason", args: [proposalId, support, reason] });
