// `npm start`: the whole local publication on loopback (see localStack.ts), with the URLs and
// funded test accounts printed; Ctrl-C stops everything it started.
import { join } from "node:path";
import { mnemonicToAccount } from "viem/accounts";
import { z } from "zod";
import { port } from "../../web/src/config/envSchemas.ts";
import { readEnv } from "../../web/src/config/readEnv.ts";
import { startLocalStack } from "./localStack.ts";

const root = join(import.meta.dirname, "../..");
const HARDHAT_MNEMONIC = "test test test test test test test test test test test junk";
const ports = z.object({
  CHAIN_PORT: port(8545),
  IPFS_API_PORT: port(5001),
  IPFS_GATEWAY_PORT: port(8080),
  IPFS_SWARM_PORT: port(4001),
  DATABASE_PORT: port(5433),
  INDEXER_PORT: port(42069),
  PORT: port(3000),
});
// From the moment `npm start` began, installs and builds included (the bootstrap passes it on).
const startedAt = Number(process.env.TOPNFTPOST_SETUP_STARTED) || Date.now();

let stopStack: (() => Promise<void>) | undefined;
let stopping = false;
async function shutdown(code: number) {
  await stopStack?.();
  process.exit(code);
}
// Ctrl-C reaches this process twice (from the terminal and through the bootstrap): stop once.
process.on("SIGINT", () => {
  if (stopping) return;
  stopping = true;
  console.log("\nStopping the local publication...");
  void shutdown(0);
});
process.on("SIGTERM", () => void shutdown(0));

try {
  const env = readEnv(ports, process.env, "Bad port settings");
  const stack = await startLocalStack({
    dataDir: join(root, ".data"),
    ports: {
      chain: env.CHAIN_PORT,
      ipfsApi: env.IPFS_API_PORT,
      ipfsGateway: env.IPFS_GATEWAY_PORT,
      ipfsSwarm: env.IPFS_SWARM_PORT,
      database: env.DATABASE_PORT,
      indexer: env.INDEXER_PORT,
      web: env.PORT,
    },
    web: { distDir: ".next", testWallet: false },
    onGiveUp: (name, why) => {
      console.error(`\n[${name}] keeps crashing (${why}); stopping the local publication.`);
      void shutdown(1);
    },
  });
  stopStack = stack.stop;

  console.log(`\nTopNFTpost is running locally.`);
  console.log(`  Web app        ${stack.siteUrl} (coverage DAO: ${stack.siteUrl}/dao)`);
  console.log(`  Chain RPC      ${stack.rpcUrl} (chain id 31337)`);
  console.log(`  IPFS RPC API   ${stack.ipfsApi}/api/v0 (data: .data/ipfs)`);
  console.log(`  IPFS gateway   ${stack.ipfsGateway}/ipfs/<cid>`);
  console.log(`  Database       ${stack.databaseUrl}${stack.embeddedDatabase ? " (embedded PGlite, data: .data/db)" : ""}`);
  console.log(`  Indexer        ${stack.indexerUrl} (Ponder${stack.embeddedDatabase ? "; data: .data/indexer" : ", on the database"})`);
  console.log(`  Contracts      deployments/31337.json, web/src/generated/contracts.ts`);
  console.log(`  Master key     .data/keys/content-master.key (back it up: see README)`);
  console.log(`  Logs           .data/logs/`);
  console.log(`\nIn your browser wallet, add the network ${stack.rpcUrl} (chain id 31337) and import a test key below.`);
  console.log(`Publish an article from another terminal:`);
  console.log(`  IPFS_API_URL=${stack.ipfsApi} IPFS_GATEWAY_URL=${stack.ipfsGateway} CHAIN_RPC_URL=${stack.rpcUrl} \\`);
  console.log(`    npm run publish:article -- scripts/seed/articles/busan-blockchain-week.en.md`);
  console.log(`\nFunded test accounts (10,000 ETH each; well-known keys, local chain only):`);
  // The timelock is the treasury and the only admin; these hold no admin power.
  const roles = [
    "editor: publisher, tier manager, proposal guardian; founding member (3 votes)",
    "founding member (3 votes)",
    "reader (monthly pass)",
    "founding member and member (4 votes)",
    "spare",
  ];
  for (const [index, role] of roles.entries()) {
    const account = mnemonicToAccount(HARDHAT_MNEMONIC, { addressIndex: index });
    const key = Buffer.from(account.getHdKey().privateKey!).toString("hex");
    console.log(`  #${index} ${account.address}  0x${key}  ${role}`);
  }
  console.log(`\nReady in ${Math.round((Date.now() - startedAt) / 1000)} s. Press Ctrl-C to stop everything.`);
} catch (error) {
  console.error(`\n${(error as Error).message}`);
  await shutdown(1);
}
