// `npm start`: the whole local publication on loopback. Starts a Hardhat node and the embedded
// IPFS node, deploys the contracts, seeds sample state, prints where everything is, and stops it
// all on Ctrl-C.
import { join } from "node:path";
import { mnemonicToAccount } from "viem/accounts";
import { choosePort, runStep, startService, stopAll, waitFor } from "./processes.ts";

const root = join(import.meta.dirname, "../..");
const logDir = join(root, ".data/logs");
const hardhat = join(root, "node_modules/.bin/hardhat");
const HARDHAT_MNEMONIC = "test test test test test test test test test test test junk";

process.on("SIGINT", () => {
  console.log("\nStopping the local publication...");
  stopAll(0);
});
process.on("SIGTERM", () => stopAll(0));

try {
  const preferred = Number(process.env.CHAIN_PORT ?? 8545);
  const chainPort = await choosePort(preferred);
  if (chainPort !== preferred) console.log(`Port ${preferred} is busy; the local chain uses ${chainPort} instead.`);
  const rpcUrl = `http://127.0.0.1:${chainPort}`;
  // The project's Node 22 first on PATH, however this script was launched.
  const env = { ...process.env, CHAIN_RPC_URL: rpcUrl, PATH: `${join(root, "node_modules/.bin")}:${process.env.PATH}` };

  await runStep("Compiling contracts", hardhat, ["build", "--quiet"], env);
  console.log(`Starting the local chain on ${rpcUrl} (log: .data/logs/chain.log)`);
  startService("chain", hardhat, ["node", "--hostname", "127.0.0.1", "--port", String(chainPort)], logDir, env);
  await waitFor("The local chain", async () => {
    const response = await fetch(rpcUrl, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ jsonrpc: "2.0", id: 1, method: "eth_chainId", params: [] }),
    });
    return response.ok;
  });

  const ipfsPorts = {
    IPFS_API_PORT: String(await choosePort(Number(process.env.IPFS_API_PORT ?? 5001))),
    IPFS_GATEWAY_PORT: String(await choosePort(Number(process.env.IPFS_GATEWAY_PORT ?? 8080))),
    IPFS_SWARM_PORT: String(await choosePort(Number(process.env.IPFS_SWARM_PORT ?? 4001))),
  };
  const ipfsApi = `http://127.0.0.1:${ipfsPorts.IPFS_API_PORT}`;
  const ipfsGateway = `http://127.0.0.1:${ipfsPorts.IPFS_GATEWAY_PORT}`;
  console.log(`Starting the IPFS node, API ${ipfsApi} (log: .data/logs/ipfs.log)`);
  startService("ipfs", "node", [join(root, "scripts/ipfs/serve.ts")], logDir, { ...env, ...ipfsPorts });
  await waitFor("The IPFS node", async () => (await fetch(`${ipfsApi}/api/v0/id`, { method: "POST" })).ok);

  await runStep("Deploying", hardhat, ["run", "scripts/deploy/deploy.ts", "--network", "localhost"], env);
  await runStep("Seeding", hardhat, ["run", "scripts/seed/seedLocal.ts", "--network", "localhost"], env);
  const contentEnv = { ...env, IPFS_API_URL: ipfsApi, IPFS_GATEWAY_URL: ipfsGateway };
  await runStep("Seeding articles", "node", [join(root, "scripts/seed/seedLocalArticles.ts")], contentEnv);

  console.log(`\nTopNFTpost is running locally.`);
  console.log(`  Chain RPC      ${rpcUrl} (chain id 31337)`);
  console.log(`  IPFS RPC API   ${ipfsApi}/api/v0 (data: .data/ipfs)`);
  console.log(`  IPFS gateway   ${ipfsGateway}/ipfs/<cid>`);
  console.log(`  Contracts      deployments/31337.json, web/src/generated/contracts.ts`);
  console.log(`  Master key     .data/keys/content-master.key (back it up: see README)`);
  console.log(`\nPublish an article from another terminal:`);
  console.log(`  IPFS_API_URL=${ipfsApi} IPFS_GATEWAY_URL=${ipfsGateway} CHAIN_RPC_URL=${rpcUrl} \\`);
  console.log(`    npm run publish:article -- scripts/seed/articles/busan-blockchain-week.en.md`);
  console.log(`\nFunded test accounts (10,000 ETH each; well-known keys, local chain only):`);
  const roles = ["admin, publisher", "treasury", "reader (monthly pass)", "member (votes)", "spare"];
  for (const [index, role] of roles.entries()) {
    const account = mnemonicToAccount(HARDHAT_MNEMONIC, { addressIndex: index });
    const key = Buffer.from(account.getHdKey().privateKey!).toString("hex");
    console.log(`  #${index} ${account.address}  0x${key}  ${role}`);
  }
  console.log("\nPress Ctrl-C to stop everything.");
} catch (error) {
  console.error(`\n${(error as Error).message}`);
  stopAll(1);
}
