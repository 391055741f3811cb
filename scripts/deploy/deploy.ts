// Deploys the publication governed by its members (scripts/deploy/deployGovernedPublication.ts,
// through the Ignition modules in ignition/modules) to the network given by `--network`, records
// it in deployments/<chainId>.json and regenerates the typed contracts file. Interrupted, it
// resumes from Ignition's journal when run again; finished, running it again sends nothing.
// Run: npx hardhat run scripts/deploy/deploy.ts --network <name>
import { mkdirSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { network } from "hardhat";
import { z } from "zod";
import { readEnv } from "../../web/src/config/readEnv.ts";
import { deploymentsDir, writeContractsFile } from "../generate/writeContractsFile.ts";
import { deployGovernedPublication } from "./deployGovernedPublication.ts";
import { governanceSettings } from "./governanceSettings.ts";
import { ignitionJournal } from "./ignitionJournal.ts";
import { publicationTerms } from "./publicationSettings.ts";

const places = z.object({
  // The local chain's data folder (`npm start` sets it): its Ignition journal lives there.
  TOPNFTPOST_DATA_DIR: z.string().optional(),
  // Where the deployment record goes; only the repository's deployments/ feeds the generated file.
  TOPNFTPOST_DEPLOYMENTS_DIR: z.string().optional(),
});
const env = readEnv(places, process.env, "Bad deploy settings");
const recordsDir = env.TOPNFTPOST_DEPLOYMENTS_DIR ? resolve(env.TOPNFTPOST_DEPLOYMENTS_DIR) : deploymentsDir;

const { viem } = await network.create();
const publicClient = await viem.getPublicClient();
const chainId = await publicClient.getChainId();
const accounts = (await viem.getWalletClients()).map((wallet) => wallet.account.address);
const publication = publicationTerms(process.env);
const governance = governanceSettings(process.env, chainId, accounts);
const journal = await ignitionJournal(publicClient, chainId, env.TOPNFTPOST_DATA_DIR);

console.log(`Deploying the governed TopNFTpost to chain ${chainId} from ${accounts[0]}`);
console.log(`  Ignition deployment ${journal.deploymentId}, journal ${journal.dir} (run again to resume)`);
const { deployments } = await deployGovernedPublication(viem, publication, governance, {
  journalDir: journal.dir,
  onStep: (step) => console.log(`  done: ${step}`),
});

const record = {
  chainId,
  contracts: Object.fromEntries(
    Object.entries(deployments).map(([name, d]) => [name, { address: d.address, blockNumber: Number(d.blockNumber) }]),
  ),
};
mkdirSync(recordsDir, { recursive: true });
writeFileSync(join(recordsDir, `${chainId}.json`), `${JSON.stringify(record, null, 2)}\n`);
if (recordsDir === deploymentsDir) await writeContractsFile();
for (const [name, d] of Object.entries(record.contracts)) {
  console.log(`  ${name.padEnd(18)} ${d.address}  (block ${d.blockNumber})`);
}
console.log(`The timelock ${deployments.TimelockController.address} is the treasury and the only admin.`);
