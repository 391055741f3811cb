import { getAddress, isAddress, type Address } from "viem";
import { LOCAL_CHAIN_ID } from "../../web/src/generated/contracts.ts";
import type { PublicationSettings } from "./deployPublication.ts";

function bps(env: NodeJS.ProcessEnv, name: string, fallback: number): number {
  const raw = env[name];
  if (raw === undefined || raw === "") return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 0 || value > 10_000) {
    throw new Error(`${name} must be whole basis points between 0 and 10000, got "${raw}"`);
  }
  return value;
}

function address(env: NodeJS.ProcessEnv, name: string, fallback: Address | undefined): Address {
  const raw = env[name];
  if (raw === undefined || raw === "") {
    if (fallback) return fallback;
    throw new Error(`${name} is required on this network: the address that ${describe[name]}`);
  }
  if (!isAddress(raw)) throw new Error(`${name} is not an address: "${raw}"`);
  return getAddress(raw);
}

const describe: Record<string, string> = {
  PUBLICATION_ADMIN: "holds the admin, manager and publisher roles",
  PUBLICATION_TREASURY: "receives the treasury's share of sales",
};

/**
 * Deployment settings from the environment. On the local chain the first test account is admin and
 * the second the treasury; on a real network the treasury must be named explicitly.
 */
export function publicationSettings(
  env: NodeJS.ProcessEnv,
  chainId: number,
  accounts: readonly Address[],
): PublicationSettings {
  const local = chainId === LOCAL_CHAIN_ID;
  return {
    admin: address(env, "PUBLICATION_ADMIN", accounts[0]),
    treasury: address(env, "PUBLICATION_TREASURY", local ? accounts[1] : undefined),
    passReferralBps: bps(env, "PASS_REFERRAL_BPS", 1_000),
    passRoyaltyBps: BigInt(bps(env, "PASS_ROYALTY_BPS", 500)),
    passContractURI: env.PASS_CONTRACT_URI ?? "",
    editionsContractURI: env.EDITIONS_CONTRACT_URI ?? "",
  };
}
