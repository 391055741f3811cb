import "server-only";
import { createWalletClient, http } from "viem";
import { readRelayConfig } from "@/dao/relay/relayConfig.ts";
import type { VoteRelay } from "@/dao/relay/relayVote.ts";
import { deploymentOn } from "@/generated/contracts.ts";
import { CLIENT_IP_HEADER } from "./clientAddress.ts";
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

/** The client's address, as web/server.ts worked it out (see clientAddress.ts). */
export const clientIp = (headers: Headers) => headers.get(CLIENT_IP_HEADER) ?? "unknown";
