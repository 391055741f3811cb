import "server-only";
import { join } from "node:path";
import type { PublicClient } from "viem";
import { loadMasterKeyring } from "@/content/loadMasterKeyring.ts";
import { ipfsClient, ipfsEndpoints } from "@/ipfs/ipfsEndpoints.ts";
import type { PublishSourceContext } from "@/publishing/publishArticleSource.ts";
import { index } from "../catalog.ts";
import { serverDatabase } from "../database.ts";
import { dataDir } from "../dataDir.ts";
import { articleReader, chainClient, publicationAddresses } from "../publication.ts";
import { serverConfig } from "../serverConfig.ts";

/**
 * What the studio publishes with, on the server only: the chain, IPFS's RPC API, the current
 * master key (it never leaves this process) and the database with the CLI's publish records.
 */
export async function studioPublisher(): Promise<PublishSourceContext> {
  const config = serverConfig();
  const keyring = await loadMasterKeyring(config.CHAIN_ID, process.env, join(dataDir(), "keys", "content-master.key"));
  return {
    // The same client, typed as the wallet-less PublicClient the shared publish path takes.
    publicClient: chainClient() as unknown as PublicClient,
    chainId: config.CHAIN_ID,
    editions: publicationAddresses().editions,
    ipfs: ipfsClient(ipfsEndpoints().apiUrl),
    reader: await articleReader(),
    masterKey: keyring.current,
    siteUrl: config.PUBLIC_SITE_URL,
    db: await serverDatabase(),
    index: index(),
  };
}
