import "server-only";
import { createPublicClient, http } from "viem";
import { createArticleReader } from "@/content/createArticleReader.ts";
import { loadMasterKeyring } from "@/content/loadMasterKeyring.ts";
import { deploymentOn } from "@/generated/contracts.ts";
import { serverConfig } from "./serverConfig.ts";
import { join } from "node:path";
import { dataDir } from "./dataDir.ts";

/** The deployed contracts on the configured chain. */
export function publicationAddresses() {
  const { CHAIN_ID } = serverConfig();
  const deployed = deploymentOn(CHAIN_ID);
  if (!deployed) throw new Error(`Nothing is deployed on chain ${CHAIN_ID}: deploy, then rebuild the web app.`);
  return { pass: deployed.MembershipPass.address, editions: deployed.ArticleEditions.address };
}

let client: ReturnType<typeof createPublicClient> | undefined;

/** One viem client for every chain read this server makes, always at the latest block. */
export function chainClient() {
  const { CHAIN_RPC_URL, CHAIN_TIMEOUT_MS } = serverConfig();
  return (client ??= createPublicClient({
    // Concurrent reads in the same tick travel as one JSON-RPC batch: fewer round trips under load.
    transport: http(CHAIN_RPC_URL, { timeout: CHAIN_TIMEOUT_MS, retryCount: 0, batch: { batchSize: 50, wait: 0 } }),
  }));
}

let reader: Promise<ReturnType<typeof createArticleReader>> | undefined;

export function articleReader() {
  return (reader ??= (async () => {
    const config = serverConfig();
    // The server's default key file sits in the repository's .data, wherever it was started from.
    const keyring = await loadMasterKeyring(config.CHAIN_ID, process.env, join(dataDir(), "keys", "content-master.key"));
    return createArticleReader({
      publicClient: chainClient(),
      chainId: config.CHAIN_ID,
      editions: publicationAddresses().editions,
      keyring,
      gateway: { gatewayUrl: config.IPFS_GATEWAY_URL, timeoutMs: config.IPFS_TIMEOUT_MS },
    });
  })().catch((error) => {
    reader = undefined;
    throw error;
  }));
}

/** Forgets the reader (and its keyring), so the next request loads the master keys again. */
export function reloadArticleReader() {
  reader = undefined;
}
