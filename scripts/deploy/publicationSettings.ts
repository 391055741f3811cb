import type { Address } from "viem";
import { z } from "zod";
import { address, basisPoints } from "../../web/src/config/envSchemas.ts";
import { readEnv } from "../../web/src/config/readEnv.ts";
import { LOCAL_CHAIN_ID } from "../../web/src/generated/contracts.ts";
import type { PublicationSettings } from "./deployPublication.ts";

const deployEnv = z.object({
  PUBLICATION_ADMIN: address().optional(),
  PUBLICATION_TREASURY: address().optional(),
  PASS_REFERRAL_BPS: basisPoints(1_000),
  PASS_ROYALTY_BPS: basisPoints(500),
  PASS_CONTRACT_URI: z.string().default(""),
  EDITIONS_CONTRACT_URI: z.string().default(""),
});

/**
 * The publication's terms from the environment, without its admin and treasury: what the governed
 * deploy needs (the timelock is both there).
 */
export function publicationTerms(env: NodeJS.ProcessEnv): Omit<PublicationSettings, "admin" | "treasury"> {
  const settings = readEnv(deployEnv, env, "Bad deploy settings");
  return {
    passReferralBps: settings.PASS_REFERRAL_BPS,
    passRoyaltyBps: BigInt(settings.PASS_ROYALTY_BPS),
    passContractURI: settings.PASS_CONTRACT_URI,
    editionsContractURI: settings.EDITIONS_CONTRACT_URI,
  };
}

/**
 * Deployment settings from the environment. On the local chain the first test account is admin and
 * the second the treasury; on a real network the treasury must be named explicitly.
 */
export function publicationSettings(env: NodeJS.ProcessEnv, chainId: number, accounts: readonly Address[]): PublicationSettings {
  const settings = readEnv(deployEnv, env, "Bad deploy settings");
  const admin = settings.PUBLICATION_ADMIN ?? accounts[0];
  const treasury = settings.PUBLICATION_TREASURY ?? (chainId === LOCAL_CHAIN_ID ? accounts[1] : undefined);
  if (!admin) throw new Error("PUBLICATION_ADMIN: required on this network: the address that holds the admin, manager and publisher roles");
  if (!treasury) throw new Error("PUBLICATION_TREASURY: required on this network: the address that receives the treasury's share of sales");
  return { admin, treasury, ...publicationTerms(env) };
}
