import { type Hex, parseEther } from "viem";
import { mnemonicToAccount, privateKeyToAccount } from "viem/accounts";
import { z } from "zod";
import { EnvError, readEnv } from "../../config/readEnv.ts";
import { LOCAL_CHAIN_ID } from "../../generated/contracts.ts";

const HARDHAT_MNEMONIC = "test test test test test test test test test test test junk";
/**
 * The local chain's relayer: Hardhat test account #17, which no seed, test or benchmark uses
 * (their accounts are #0-#12, #14-#16, #18 and #19), so its nonces are the relay's alone.
 */
export const LOCAL_RELAYER_INDEX = 17;

const whole = (fallback: number, what: string) =>
  z.coerce
    .number({ message: `must be a whole number of ${what}` })
    .int(`must be a whole number of ${what}`)
    .positive(`must be a whole number of ${what}`)
    .default(fallback);

const schema = z.object({
  /** The account that pays for relayed votes: required off the local chain, kept in a secret manager. */
  RELAYER_PRIVATE_KEY: z
    .string()
    .regex(/^0x[0-9a-fA-F]{64}$/, "must be a private key: 0x and 64 hex digits")
    .optional(),
  /** Below this balance (in the chain's native coin, e.g. 0.05) the relay stops and says so. */
  RELAY_MIN_BALANCE: z
    .string()
    .regex(/^\d+(\.\d{1,18})?$/, "must be an amount of the chain's coin, like 0.05")
    .default("0.05"),
  RELAY_MAX_PER_ADDRESS: whole(10, "requests"),
  RELAY_MAX_PER_IP: whole(30, "requests"),
  RELAY_RATE_WINDOW_SECONDS: whole(3_600, "seconds"),
  /** The most gas one relayed vote may use (one with the longest reason, 1,000 Korean characters, uses about 212,000). */
  RELAY_MAX_GAS: whole(500_000, "gas"),
});

export interface RelayLimits {
  /** Votes one voter address may have relayed per window: counted only once their signature checks out. */
  perAddress: number;
  /** Requests one client IP may make per window. */
  perIp: number;
  windowSeconds: number;
}

export type RelayConfig = ReturnType<typeof readRelayConfig>;

/**
 * The relay's settings from the environment. On the local chain the key defaults to test account
 * #17; elsewhere `RELAYER_PRIVATE_KEY` is required and may not be one of the well-known test keys.
 */
export function readRelayConfig(env: Record<string, string | undefined>, chainId: number) {
  const settings = readEnv(schema, env, "Bad vote relay configuration");
  const local = chainId === LOCAL_CHAIN_ID;
  const testAccounts = () => Array.from({ length: 20 }, (_, index) => mnemonicToAccount(HARDHAT_MNEMONIC, { addressIndex: index }));
  let relayer: ReturnType<typeof privateKeyToAccount>;
  if (settings.RELAYER_PRIVATE_KEY) {
    relayer = privateKeyToAccount(settings.RELAYER_PRIVATE_KEY as Hex);
    if (!local && testAccounts().some((account) => account.address === relayer.address))
      throw new EnvError(["RELAYER_PRIVATE_KEY: is a well-known test key, usable only on the local chain"], "Bad vote relay configuration");
  } else if (local) {
    const key = testAccounts()[LOCAL_RELAYER_INDEX].getHdKey().privateKey;
    relayer = privateKeyToAccount(`0x${Buffer.from(key!).toString("hex")}`);
  } else {
    throw new EnvError(
      ["RELAYER_PRIVATE_KEY: required on this chain: the key of the account that pays for gasless votes"],
      "Bad vote relay configuration",
    );
  }
  return {
    relayer,
    minBalance: parseEther(settings.RELAY_MIN_BALANCE),
    maxGas: BigInt(settings.RELAY_MAX_GAS),
    limits: {
      perAddress: settings.RELAY_MAX_PER_ADDRESS,
      perIp: settings.RELAY_MAX_PER_IP,
      windowSeconds: settings.RELAY_RATE_WINDOW_SECONDS,
    } satisfies RelayLimits,
  };
}
