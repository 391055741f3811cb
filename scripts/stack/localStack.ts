import { join } from "node:path";
import { z } from "zod";
import { readEnv } from "../../web/src/config/readEnv.ts";
import { LOCAL_CHAIN_ID } from "../../web/src/generated/contracts.ts";
import { canConnect } from "../db/canConnect.ts";
import { indexerProcess } from "../indexer/indexerProcess.ts";
import { isDeployedOn } from "./localDeployment.ts";
import { choosePort, createServiceGroup, waitFor } from "./processes.ts";
import { markWebBuild, webBuildIsCurrent, webSourceHash } from "./webBuild.ts";

const root = join(import.meta.dirname, "../..");
const bin = (name: string) => join(root, "node_modules/.bin", name);

export interface LocalStackOptions {
  /** Holds IPFS blocks, keys, package cache and logs (`.data` for `npm start`). */
  dataDir: string;
  /** Preferred ports; a busy one (or 0) is replaced by a free one. */
  ports: { chain: number; ipfsApi: number; ipfsGateway: number; ipfsSwarm: number; database: number; indexer: number; web: number };
  /** The web build: its folder under web/, and whether it carries the test wallet connector. */
  web: { distDir: string; testWallet: boolean };
  /** Keep step output in the log instead of the terminal. */
  quiet?: boolean;
  log?: (line: string) => void;
  /** A service kept crashing and was given up on (each crash before that restarts it alone). */
  onGiveUp?: (name: string, why: string) => void;
}

/**
 * The whole local publication on loopback: a chain that keeps its state (anvil), the embedded IPFS node, the database
 * (embedded PGlite served over the Postgres protocol, unless DATABASE_URL names a server), the contracts
 * deployed and seeded (tiers, passes, articles), and the Next.js app. `npm start` and the browser
 * tests both start it here, so what is tested is what a newcomer runs.
 */
export async function startLocalStack(options: LocalStackOptions) {
  const log = options.log ?? console.log;
  const logDir = join(options.dataDir, "logs");
  const services = createServiceGroup(logDir, {
    onRestart: (name, why, delayMs) => log(`[${name}] stopped (${why}); starting it again in ${(delayMs / 1000).toFixed(1)} s`),
    onGiveUp: options.onGiveUp ?? ((name, why) => log(`[${name}] gave up: ${why}`)),
  });
  try {
    const port = {
      chain: await choosePort(options.ports.chain),
      ipfsApi: await choosePort(options.ports.ipfsApi),
      ipfsGateway: await choosePort(options.ports.ipfsGateway),
      ipfsSwarm: await choosePort(options.ports.ipfsSwarm),
      database: await choosePort(options.ports.database),
      indexer: await choosePort(options.ports.indexer),
      web: await choosePort(options.ports.web),
    };
    for (const [name, preferred] of Object.entries(options.ports)) {
      const chosen = port[name as keyof typeof port];
      if (preferred !== 0 && chosen !== preferred) log(`Port ${preferred} is busy; ${name} uses ${chosen} instead.`);
    }
    const rpcUrl = `http://127.0.0.1:${port.chain}`;
    const ipfsApi = `http://127.0.0.1:${port.ipfsApi}`;
    const ipfsGateway = `http://127.0.0.1:${port.ipfsGateway}`;
    const siteUrl = `http://localhost:${port.web}`;
    const { DATABASE_URL } = readEnv(z.object({ DATABASE_URL: z.string().optional() }), process.env, "Bad database settings");
    const embeddedDatabase = !DATABASE_URL;
    const databaseUrl = DATABASE_URL ?? `postgres://postgres@127.0.0.1:${port.database}/postgres`;
    // The project's Node 22 first on PATH, however this was launched.
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      PATH: `${join(root, "node_modules/.bin")}:${process.env.PATH}`,
      CHAIN_RPC_URL: rpcUrl,
      IPFS_API_URL: ipfsApi,
      IPFS_GATEWAY_URL: ipfsGateway,
      IPFS_DATA_DIR: join(options.dataDir, "ipfs"),
      IPFS_API_PORT: String(port.ipfsApi),
      IPFS_GATEWAY_PORT: String(port.ipfsGateway),
      IPFS_SWARM_PORT: String(port.ipfsSwarm),
      CONTENT_KEY_FILE: join(options.dataDir, "keys", "content-master.key"),
      CONTENT_DATA_DIR: join(options.dataDir, "content"),
      TOPNFTPOST_DATA_DIR: options.dataDir,
      PUBLIC_SITE_URL: siteUrl,
      DATABASE_URL: databaseUrl,
      DATABASE_PORT: String(port.database),
    };

    await services.run("Compiling contracts", bin("hardhat"), ["build", "--quiet"], env, options.quiet);
    log(`Starting the local chain on ${rpcUrl} (anvil; state in ${join(options.dataDir, "chain")})`);
    services.start("chain", "node", [join(root, "scripts/chain/serve.ts")], { ...env, CHAIN_PORT: String(port.chain) });
    await waitFor("The local chain", async () => {
      const response = await fetch(rpcUrl, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ jsonrpc: "2.0", id: 1, method: "eth_chainId", params: [] }),
      });
      return response.ok;
    });
    log(`Starting the IPFS node, API ${ipfsApi}, gateway ${ipfsGateway}`);
    services.start("ipfs", "node", [join(root, "scripts/ipfs/serve.ts")], env);
    await waitFor("The IPFS node", async () => (await fetch(`${ipfsApi}/api/v0/id`, { method: "POST" })).ok);

    if (embeddedDatabase) {
      log(`Starting the database (embedded PGlite) on ${databaseUrl}`);
      services.start("database", "node", [join(root, "scripts/db/serve.ts")], env);
    }
    await waitFor("The database", () => canConnect(databaseUrl));

    if (await isDeployedOn(rpcUrl)) {
      log("The contracts are already on this chain (deployments/31337.json)");
    } else {
      log("Deploying the contracts (governed by the members: the timelock is treasury and admin)");
      await services.run("Deploying", bin("hardhat"), ["run", "scripts/deploy/deploy.ts", "--network", "localhost"], env, options.quiet);
    }
    log("Seeding tiers and passes");
    await services.run("Seeding", bin("hardhat"), ["run", "scripts/seed/seedLocal.ts", "--network", "localhost"], env, options.quiet);
    log("Seeding articles");
    await services.run("Seeding articles", "node", [join(root, "scripts/seed/seedLocalArticles.ts")], env, options.quiet);
    log("Seeding coverage proposals");
    await services.run("Seeding proposals", "node", [join(root, "scripts/seed/seedLocalProposals.ts")], env, options.quiet);

    // The event index: Ponder's own PGlite in <dataDir>/indexer, or the Postgres server of DATABASE_URL.
    const indexer = indexerProcess({
      deploymentsDir: join(root, "deployments"),
      chainId: LOCAL_CHAIN_ID,
      port: port.indexer,
      env: { ...env, ...(embeddedDatabase ? {} : { INDEX_DATABASE_URL: databaseUrl }) },
    });
    log(`Starting the indexer on ${indexer.url} (Ponder; schema ${indexer.schema})`);
    services.start("indexer", indexer.command, indexer.args, indexer.env);
    await waitFor("The indexer", async () => (await fetch(`${indexer.url}/ready`)).ok, 120_000);

    const buildEnv = { NEXT_DIST_DIR: options.web.distDir, NEXT_PUBLIC_TEST_WALLET: options.web.testWallet ? "1" : "" };
    const webEnv = { ...env, ...buildEnv, INDEXER_URL: indexer.url };
    const hash = webSourceHash(buildEnv);
    if (webBuildIsCurrent(options.web.distDir, hash)) {
      log("The web app is already built for these sources");
    } else {
      log("Building the web app (about 30 s)");
      // Next's route table and telemetry notice are no progress line: kept in the steps log.
      await services.run("Building the web app", bin("next"), ["build", "web"], webEnv, true);
      markWebBuild(options.web.distDir, hash);
    }
    log(`Starting the web app on ${siteUrl}`);
    // Next's handler in our own server (web/server.ts), which can answer a page as a 503.
    services.start("web", "node", [join(root, "web/server.ts")], { ...webEnv, WEB_PORT: String(port.web), WEB_HOSTNAME: "127.0.0.1" });
    await waitFor("The web app", async () => (await fetch(`${siteUrl}/api/auth/nonce`)).ok);

    return {
      rpcUrl,
      ipfsApi,
      ipfsGateway,
      siteUrl,
      databaseUrl,
      embeddedDatabase,
      indexerUrl: indexer.url,
      dataDir: options.dataDir,
      logDir,
      /** What the web server runs with: another one started beside it (a benchmark's) needs the same. */
      webEnv,
      stop: services.stop,
    };
  } catch (error) {
    await services.stop();
    throw error;
  }
}

export type LocalStack = Awaited<ReturnType<typeof startLocalStack>>;
