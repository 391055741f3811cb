import "server-only";
import { createWalletClient, http } from "viem";
import { readRelayConfig } from "@/dao/relay/relayConfig.ts";
import type { VoteRelay } from "@/dao/relay/relayVote.ts";
import { deploymentOn } from "@/generated/contracts.ts";
import { serverDatabase } from "./database.ts";
import { chainClient } from "./publication.ts";
import { serverConfig } from "./serverConfig.ts";

let relay: Promise<VoteRelay> | undefined;

/** This server's vote relay: the shared database, the chain client, and the relayer from configuration. */
export function serverVoteRelay() {
  return (relay ??= (async () => {
    const { CHAIN_ID, CHAIN_RPC_URL, CHAIN_TIMEOUT_MS } = serverConfig();
    const { relayer, minBalance, maxGas, limits } = readRelayConfig(process.env, CHAIN_ID);
    return {
      db: await serverDatabase(),
      publicClient: chainClient(),
      walletClient: createWalletClient({ account: relayer, transport: http(CHAIN_RPC_URL, { timeout: CHAIN_TIMEOUT_MS, retryCount: 0 }) }),
      relayer,
      chainId: CHAIN_ID,
      governor: deploymentOn(CHAIN_ID)?.CoverageGovernor?.address,
      minBalance,
      maxGas,
      limits,
    };
  })().catch((error) => {
    relay = undefined;
    throw error;
  }));
}

/**
 * The client's address as the nearest proxy saw it: the last X-Forwarded-For entry (a client can
 * prepend anything, not append), which Next sets from the socket when no proxy did.
 */
export function clientIp(headers: Headers) {
  const forwarded = headers
    .get("x-forwarded-for")
    ?.split(",")
    .map((part) => part.trim())
    .filter(Boolean);
  return forwarded?.at(-1) ?? "unknown";
}
