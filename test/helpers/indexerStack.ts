import { type ChildProcess, spawn } from "node:child_process";
import { createWriteStream, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { network } from "hardhat";
import type { CID } from "multiformats/cid";
import type { Address, Hash } from "viem";
import { deployGovernedPublication } from "../../scripts/deploy/deployGovernedPublication.ts";
import { deployPublication } from "../../scripts/deploy/deployPublication.ts";
import { governanceSettings } from "../../scripts/deploy/governanceSettings.ts";
import { publicationSettings } from "../../scripts/deploy/publicationSettings.ts";
import { indexerProcess } from "../../scripts/indexer/indexerProcess.ts";
import { choosePort, waitFor } from "../../scripts/stack/processes.ts";
import type { ArticleMetadata } from "../../web/src/content/articleMetadata.ts";
import { LOCAL_CHAIN_ID } from "../../web/src/generated/contracts.ts";
import { createIndexReader } from "../../web/src/indexer/createIndexReader.ts";
import { kuboImport } from "../../web/src/ipfs/kuboImport.ts";
import { startTestIpfs } from "./embeddedIpfs.ts";
import { TIERS } from "./publicationFixture.ts";
import { newDatabaseOn } from "./testDatabase.ts";

const root = join(import.meta.dirname, "../..");

/** Spawns a long-running process in its own group, its output kept in `logFile`. */
function spawnService(command: string, args: string[], env: NodeJS.ProcessEnv, logFile: string) {
  const child = spawn(command, args, { env, stdio: ["ignore", "pipe", "pipe"], detached: true });
  const log = createWriteStream(logFile);
  child.stdout?.pipe(log);
  child.stderr?.pipe(log);
  return child;
}

function killGroup(child: ChildProcess | undefined) {
  try {
    process.kill(-child!.pid!, "SIGKILL");
  } catch {}
}

/**
 * The indexer against real parts: anvil (a JSON-RPC chain, as `npm start` runs) with the
 * publication deployed by the production deploy code and the sample tiers created, an embedded
 * IPFS node, and `ponder start` on scripts/indexer with PGlite in a fresh folder, or on a fresh
 * database of the Postgres server at TEST_DATABASE_URL when CI provides one.
 */
export async function startIndexerStack(env: NodeJS.ProcessEnv = {}, options: { governed?: boolean } = {}) {
  const workDir = mkdtempSync(join(tmpdir(), "topnftpost-indexer-"));
  const chainPort = await choosePort(0);
  const rpcUrl = `http://127.0.0.1:${chainPort}`;
  const chainArgs = ["--host", "127.0.0.1", "--port", String(chainPort), "--chain-id", String(LOCAL_CHAIN_ID), "--accounts", "20"];
  const chain = spawnService(join(root, "node_modules/.bin/anvil"), chainArgs, process.env, join(workDir, "chain.log"));
  let indexer: ChildProcess | undefined;
  const replicas: ChildProcess[] = [];
  let ipfs: Awaited<ReturnType<typeof startTestIpfs>> | undefined;
  const stop = async () => {
    for (const child of [indexer, ...replicas, chain]) killGroup(child);
    await ipfs?.stop();
    // The index's PGlite folder is tens of megabytes; the logs beside it stay for a failed run.
    rmSync(join(workDir, "indexer"), { recursive: true, force: true });
  };
  try {
    await waitFor(
      "anvil",
      async () => (await fetch(rpcUrl, { method: "POST", body: '{"jsonrpc":"2.0","id":1,"method":"eth_chainId"}' })).ok,
    );
    const { viem } = await network.connect({ network: "localhost", override: { url: rpcUrl } });
    const publicClient = await viem.getPublicClient();
    const wallets = await viem.getWalletClients();
    const settings = publicationSettings(
      {},
      LOCAL_CHAIN_ID,
      wallets.map((wallet) => wallet.account.address),
    );
    // Governed: the coverage DAO as `npm start` deploys it (founding members #0-#2, #0 the editor),
    // its tiers created by the deploy; otherwise the two contracts alone, with the fixture's tiers.
    const accounts = wallets.map((wallet) => wallet.account.address);
    const governed = options.governed
      ? await deployGovernedPublication(viem, settings, governanceSettings({}, LOCAL_CHAIN_ID, accounts))
      : undefined;
    const { pass, editions, deployments } = governed ?? (await deployPublication(viem, settings));
    const deploymentsDir = join(workDir, "deployments");
    mkdirSync(deploymentsDir);
    const record = Object.fromEntries(
      Object.entries(deployments).map(([name, d]) => [name, { address: d.address, blockNumber: Number(d.blockNumber) }]),
    );
    writeFileSync(join(deploymentsDir, `${LOCAL_CHAIN_ID}.json`), JSON.stringify({ chainId: LOCAL_CHAIN_ID, contracts: record }));
    if (!governed)
      for (const config of Object.values(TIERS))
        await publicClient.waitForTransactionReceipt({ hash: await pass.write.createTier([config]) });

    ipfs = await startTestIpfs();
    // The sample metadata's preview and cover: the indexer stores the preview with the metadata.
    await ipfs.client.add(new Uint8Array(), { cidVersion: 0, pin: true });
    const indexerEnv = {
      ...process.env,
      CHAIN_RPC_URL: rpcUrl,
      TOPNFTPOST_DATA_DIR: workDir,
      IPFS_GATEWAY_URL: ipfs.gatewayUrl,
      IPFS_TIMEOUT_MS: "3000",
      INDEXER_POLLING_MS: "100",
      INDEX_DATABASE_URL: process.env.TEST_DATABASE_URL ? await newDatabaseOn(process.env.TEST_DATABASE_URL) : "",
      ...env,
    };
    const run = indexerProcess({ deploymentsDir, chainId: LOCAL_CHAIN_ID, port: await choosePort(0), env: indexerEnv });
    indexer = spawnService(run.command, run.args, run.env, join(workDir, "indexer.log"));
    await waitFor("the indexer", async () => (await fetch(`${run.url}/ready`)).ok, 120_000);
    const index = createIndexReader({ url: run.url, timeoutMs: 10_000 });

    /** A `ponder serve` beside the indexer, reading the same Postgres schema (needs TEST_DATABASE_URL). */
    async function startReplica() {
      const replica = indexerProcess({
        deploymentsDir,
        chainId: LOCAL_CHAIN_ID,
        port: await choosePort(0),
        env: indexerEnv,
        mode: "serve",
      });
      replicas.push(spawnService(replica.command, replica.args, replica.env, join(workDir, `replica-${replicas.length}.log`)));
      await waitFor("the replica", async () => (await fetch(`${replica.url}/health`)).ok, 60_000);
      return createIndexReader({ url: replica.url, timeoutMs: 10_000 });
    }

    /** Resolves once the index has processed the chain's latest block. */
    async function indexed() {
      const head = await publicClient.getBlockNumber({ cacheTime: 0 });
      await waitFor("the index to reach the chain's head", async () => ((await index.status())?.blockNumber ?? -1n) >= head, 30_000);
      return head;
    }

    /** Uploads article metadata to IPFS (or only computes its CID, to stand for content nobody serves). */
    async function metadataCid(metadata: ArticleMetadata, options: { upload: boolean } = { upload: true }): Promise<CID> {
      const bytes = new TextEncoder().encode(JSON.stringify(metadata));
      if (options.upload) return (await ipfs!.client.add(bytes, { cidVersion: 0, pin: true })).cid as unknown as CID;
      const discard = { put: async (cid: CID) => cid } as never;
      return (
        await kuboImport(
          (async function* () {
            yield bytes;
          })(),
          discard,
          { cidVersion: 0 },
        )
      ).cid;
    }

    const confirm = (hash: Hash) => publicClient.waitForTransactionReceipt({ hash });
    const as = async (wallet: (typeof wallets)[number]) => ({
      pass: await viem.getContractAt("MembershipPass", pass.address, { client: { wallet } }),
      editions: await viem.getContractAt("ArticleEditions", editions.address, { client: { wallet } }),
    });
    return {
      viem,
      publicClient,
      wallets,
      pass,
      editions,
      /** The DAO's contracts, when started `governed`. */
      dao: governed ? { governor: governed.governor, timelock: governed.timelock, desk: governed.desk } : undefined,
      ipfs,
      index,
      startReplica,
      indexerUrl: run.url,
      workDir,
      rpcUrl,
      indexed,
      metadataCid,
      confirm,
      as,
      stop,
    };
  } catch (error) {
    await stop();
    throw error;
  }
}

export type IndexerStack = Awaited<ReturnType<typeof startIndexerStack>>;

/** Metadata in the shape the publisher writes, for an article the tests publish. */
export function sampleMetadata(fields: {
  title: string;
  slug: string;
  language?: "ko" | "en";
  section?: string;
  tags?: string[];
  /** The free preview's CID (uploaded by the test); the empty file unless given. */
  previewCid?: string;
}): ArticleMetadata {
  const cid = "QmbFMke1KXqnYyBBWxB74N4c5SBnJMVAiMNRcGu6x1AwQH"; // Kubo's empty file, which the stack serves
  return {
    name: fields.title,
    description: `About ${fields.title}`,
    image: `ipfs://${cid}`,
    external_url: `http://localhost:3000/articles/${fields.slug}`,
    attributes: [],
    properties: {
      schema: "topnftpost/article@1",
      slug: fields.slug,
      language: fields.language ?? "en",
      publication: "TopNFTpost",
      section: fields.section ?? "news",
      tags: fields.tags ?? [],
      published: "2026-11-26",
      authors: [],
      content_digest: "0".repeat(64),
      preview: { cid: fields.previewCid ?? cid, bytes: 0 },
      images: [],
      premium: null,
    },
  };
}

/** Publish parameters with two authors, the treasury's 10% and a 10% referral share. */
export function publishParams(uri: string, authors: readonly [Address, Address], overrides: Record<string, unknown> = {}) {
  return {
    uri,
    price: 1_000_003n,
    maxSupply: 0,
    saleStart: 0,
    saleEnd: 0,
    walletCap: 0,
    premiumLevel: 1,
    royaltyReceiver: authors[0],
    royaltyBps: 500n,
    authors: [
      { account: authors[0], shareBps: 6_001 },
      { account: authors[1], shareBps: 2_999 },
    ],
    treasuryBps: 1_000,
    referralBps: 1_000,
    ...overrides,
  };
}

/** Polls until `condition` holds: the metadata fetcher runs beside the handlers, a moment behind them. */
export async function waitUntil(condition: () => Promise<boolean>, timeoutMs = 15_000) {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`not true within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
