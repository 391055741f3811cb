import { join } from "node:path";
import { network } from "hardhat";
import { z } from "zod";
import { createArticleReader } from "../../web/src/content/createArticleReader.ts";
import { loadMasterKeyring } from "../../web/src/content/loadMasterKeyring.ts";
import { url } from "../../web/src/config/envSchemas.ts";
import { readEnv } from "../../web/src/config/readEnv.ts";
import { createIndexReader } from "../../web/src/indexer/createIndexReader.ts";
import { deploymentOn } from "../../web/src/generated/contracts.ts";
import { ipfsClient, ipfsEndpoints } from "../../web/src/ipfs/ipfsEndpoints.ts";
import { packageCache } from "./packageCache.ts";

const contentEnv = z.object({
  PUBLIC_SITE_URL: url("https://news.example.org").default("http://localhost:3000"),
  CONTENT_DATA_DIR: z.string().default(".data/content"),
  INDEXER_URL: url("http://127.0.0.1:42069").default("http://127.0.0.1:42069"),
});

async function connectChain(networkName: string) {
  try {
    const { viem } = await network.create({ network: networkName });
    const publicClient = await viem.getPublicClient();
    const wallets = await viem.getWalletClients();
    return { publicClient, walletClient: wallets[0], wallets, chainId: await publicClient.getChainId() };
  } catch (error) {
    const reason = (error as Error).message.split("\n")[0];
    throw new Error(`The chain of network "${networkName}" did not answer (${reason}); for localhost, start it with \`npm start\`.`);
  }
}

/**
 * Everything the content commands need on one network: the publisher's wallet, the deployed
 * editions contract, IPFS (IPFS_API_URL, IPFS_GATEWAY_URL), the master keyring and a reader.
 */
export async function connectContent(networkName: string, env: NodeJS.ProcessEnv = process.env) {
  const { PUBLIC_SITE_URL, CONTENT_DATA_DIR, INDEXER_URL } = readEnv(contentEnv, env);
  const { apiUrl, gateway } = ipfsEndpoints(env);
  const chain = await connectChain(networkName);
  const { publicClient, walletClient, wallets, chainId } = chain;
  const nothingDeployed = `Nothing is deployed on chain ${chainId} (network ${networkName}): run \`npm run deploy -- ${networkName}\` first.`;
  const deployed = deploymentOn(chainId);
  if (!deployed) throw new Error(nothingDeployed);
  const editions = deployed.ArticleEditions.address;
  // A local chain restarted without `npm start` keeps the old deployments file but not the code.
  if (!(await publicClient.getCode({ address: editions }))) throw new Error(nothingDeployed);
  const keyring = await loadMasterKeyring(chainId, env);
  return {
    chainId,
    editions,
    publicClient,
    walletClient,
    /** Every account the network config signs for (the local node's 20; one elsewhere). */
    wallets,
    keyring,
    ipfsApiUrl: apiUrl,
    ipfs: ipfsClient(apiUrl),
    gateway,
    reader: createArticleReader({ publicClient, chainId, editions, keyring, gateway }),
    siteUrl: PUBLIC_SITE_URL,
    cache: packageCache(join(CONTENT_DATA_DIR, "packages.json")),
    index: createIndexReader({ url: INDEXER_URL, timeoutMs: 2_000 }),
  };
}
