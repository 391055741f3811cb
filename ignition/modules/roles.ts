import { keccak256, toHex } from "viem";

const role = (name: string) => keccak256(toHex(name));

/** OpenZeppelin AccessControl's admin role, and the roles the modules grant or renounce. */
export const ROLES = {
  ADMIN: `0x${"00".repeat(32)}`,
  MANAGER: role("MANAGER_ROLE"),
  PUBLISHER: role("PUBLISHER_ROLE"),
  PROPOSER: role("PROPOSER_ROLE"),
  CANCELLER: role("CANCELLER_ROLE"),
  EXECUTOR: role("EXECUTOR_ROLE"),
} as const;
