import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { network } from "hardhat";
import { deployPublication } from "../../scripts/deploy/deployPublication.ts";
import { publicationSettings } from "../../scripts/deploy/publicationSettings.ts";
import { packageCache } from "../../scripts/content/packageCache.ts";
import type { PublishContext } from "../../scripts/content/publishArticleFile.ts";
import { createArticleReader } from "../../web/src/content/createArticleReader.ts";
import { loadMasterKeyring } from "../../web/src/content/loadMasterKeyring.ts";
import type { MasterKeyring } from "../../web/src/content/masterKey.ts";
import { startTestIpfs } from "./embeddedIpfs.ts";
import { startTestDatabase } from "./testDatabase.ts";

/**
 * The real content stack in one process: an embedded IPFS node on free loopback ports, Hardhat's
 * in-process EVM with the publication deployed by the production deploy code, the database (the
 * publish lock and records), and a master key file in a fresh temporary directory. `stop` ends
 * the node and the database.
 */
export async function startContentStack() {
  const ipfs = await startTestIpfs();
  const database = await startTestDatabase();
  const { viem } = await network.create();
  const publicClient = await viem.getPublicClient();
  const wallets = await viem.getWalletClients();
  const chainId = await publicClient.getChainId();
  const settings = publicationSettings(
    {},
    chainId,
    wallets.map((wallet) => wallet.account.address),
  );
  const contracts = await deployPublication(viem, settings);
  const editions = contracts.editions.address;
  const workDir = mkdtempSync(join(tmpdir(), "topnftpost-content-"));
  const keyFile = join(workDir, "keys", "content-master.key");
  const keyring = await loadMasterKeyring(chainId, { CONTENT_KEY_FILE: keyFile });
  const gateway = { gatewayUrl: ipfs.gatewayUrl, timeoutMs: 3_000 };
  const readerWith = (ring: MasterKeyring, gatewayUrl = ipfs.gatewayUrl) =>
    createArticleReader({ publicClient, chainId, editions, keyring: ring, gateway: { ...gateway, gatewayUrl } });
  const reader = readerWith(keyring);
  const context: PublishContext = {
    publicClient,
    walletClient: wallets[0],
    chainId,
    editions,
    ipfs: ipfs.client,
    reader,
    masterKey: keyring.current,
    siteUrl: "http://localhost:3000",
    cache: packageCache(join(workDir, "packages.json")),
    db: database.db,
  };
  return {
    ipfs,
    viem,
    publicClient,
    wallets,
    chainId,
    editions,
    contracts,
    keyring,
    keyFile,
    workDir,
    gateway,
    reader,
    readerWith,
    context,
    database,
    async stop() {
      await ipfs.stop();
      await database.db.destroy();
      await database.stop();
    },
  };
}

export type ContentStack = Awaited<ReturnType<typeof startContentStack>>;
