// A proposal's actions in words, decoded with the generated ABIs: what the timelock will do if the
// proposal passes. Unknown targets or calls are shown as what they are (address, selector, value),
// never guessed at.
import { type Address, decodeFunctionData, type Hex, isAddressEqual, keccak256, toHex } from "viem";
import {
  articleEditionsAbi,
  coverageDeskAbi,
  coverageGovernorAbi,
  type Deployment,
  membershipPassAbi,
  timelockControllerAbi,
} from "../generated/contracts.ts";
import type { ProposalAction } from "../indexer/daoTypes.ts";
import { cidOfTopic } from "./commissionTopic.ts";

export type DescribedAction =
  | { kind: "commission"; topicCid: string; bounty: bigint; deadline: number }
  | { kind: "transfer"; to: Address; value: bigint }
  | { kind: "role"; grant: boolean; role: string; account: Address; contract: string }
  | { kind: "call"; contract: string; functionName: string; args: string[]; value: bigint }
  | { kind: "unknown"; target: Address; selector: string; value: bigint };

const ROLE_NAMES = ["DEFAULT_ADMIN_ROLE", "MANAGER_ROLE", "PUBLISHER_ROLE", "PROPOSER_ROLE", "EXECUTOR_ROLE", "CANCELLER_ROLE"];
const roleName = (role: Hex) =>
  role === `0x${"00".repeat(32)}` ? "DEFAULT_ADMIN_ROLE" : (ROLE_NAMES.find((name) => keccak256(toHex(name)) === role) ?? role);

const argText = (value: unknown): string =>
  typeof value === "bigint"
    ? value.toString()
    : Array.isArray(value)
      ? `[${value.map(argText).join(", ")}]`
      : typeof value === "object" && value !== null
        ? `{${Object.entries(value)
            .map(([k, v]) => `${k}: ${argText(v)}`)
            .join(", ")}}`
        : String(value);

/** The contracts a proposal can address by name, with their ABIs. */
function knownContracts(deployed: Deployment) {
  return [
    { name: "CoverageDesk", address: deployed.CoverageDesk?.address, abi: coverageDeskAbi },
    { name: "CoverageGovernor", address: deployed.CoverageGovernor?.address, abi: coverageGovernorAbi },
    { name: "TimelockController", address: deployed.TimelockController?.address, abi: timelockControllerAbi },
    { name: "MembershipPass", address: deployed.MembershipPass.address, abi: membershipPassAbi },
    { name: "ArticleEditions", address: deployed.ArticleEditions.address, abi: articleEditionsAbi },
  ] as const;
}

export function describeAction(action: ProposalAction, deployed: Deployment): DescribedAction {
  const value = BigInt(action.value);
  if (action.calldata === "0x") return { kind: "transfer", to: action.target, value };
  const known = knownContracts(deployed).find((c) => c.address && isAddressEqual(c.address, action.target));
  const unknown = { kind: "unknown", target: action.target, selector: action.calldata.slice(0, 10), value } as const;
  if (!known) return unknown;
  let decoded: { functionName: string; args?: readonly unknown[] };
  try {
    decoded = decodeFunctionData({ abi: known.abi, data: action.calldata }) as typeof decoded;
  } catch {
    return unknown;
  }
  const args = decoded.args ?? [];
  if (known.name === "CoverageDesk" && decoded.functionName === "commission") {
    const [topic, bounty, deadline] = args as [Hex, bigint, number];
    return { kind: "commission", topicCid: cidOfTopic(topic), bounty, deadline: Number(deadline) };
  }
  if (decoded.functionName === "grantRole" || decoded.functionName === "revokeRole") {
    const [role, account] = args as [Hex, Address];
    return { kind: "role", grant: decoded.functionName === "grantRole", role: roleName(role), account, contract: known.name };
  }
  return { kind: "call", contract: known.name, functionName: decoded.functionName, args: args.map(argText), value };
}
