// Deploys the publication to the network given by `--network` (localhost by default through
// `npm run deploy`), records it in deployments/<chainId>.json and regenerates the typed
// contracts file. Run: npx hardhat run scripts/deploy/deploy.ts --network <name>
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { network } from "hardhat";
import { deploymentsDir, writeContractsFile } from "../generate/writeContractsFile.ts";
import { deployPublication } from "./deployPublication.ts";
import { publicationSettings } from "./publicationSettings.ts";

const { viem } = await network.create();
const publicClient = await viem.getPublicClient();
const chainId = await publicClient.getChainId();
const wallets = await viem.getWalletClients();
const settings = publicationSettings(
  process.env,
  chainId,
  wallets.map((w) => w.account.address),
);

console.log(`Deploying TopNFTpost to chain ${chainId} (admin ${settings.admin}, treasury ${settings.treasury})`);
const { deployments } = await deployPublication(viem, settings);

const record = {
  chainId,
  contracts: Object.fromEntries(
    Object.entries(deployments).map(([name, d]) => [name, { address: d.address, blockNumber: Number(d.blockNumber) }]),
  ),
};
writeFileSync(join(deploymentsDir, `${chainId}.json`), `${JSON.stringify(record, null, 2)}\n`);
await writeContractsFile();
for (const [name, d] of Object.entries(record.contracts)) {
  console.log(`  ${name.padEnd(16)} ${d.address}  (block ${d.blockNumber})`);
}
