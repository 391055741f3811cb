// Deploys the publication governed by its members on the local chain (`npm start` and the browser
// tests): the timelock is the treasury and the only admin, the seeded editor (account #0) keeps the
// publisher and manager roles so the publish CLI and seeding work, and accounts #0, #1 and #3 are
// the founding members. Records it in deployments/31337.json and regenerates the typed contracts.
// Run: npx hardhat run scripts/stack/deployLocal.ts --network localhost
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { network } from "hardhat";
import { deployGovernedPublication } from "../deploy/deployGovernedPublication.ts";
import { governanceSettings } from "../deploy/governanceSettings.ts";
import { publicationSettings } from "../deploy/publicationSettings.ts";
import { deploymentsDir, writeContractsFile } from "../generate/writeContractsFile.ts";

const { viem } = await network.create();
const publicClient = await viem.getPublicClient();
const chainId = await publicClient.getChainId();
const accounts = (await viem.getWalletClients()).map((wallet) => wallet.account.address);
const { passReferralBps, passRoyaltyBps, passContractURI, editionsContractURI } = publicationSettings(process.env, chainId, accounts);
const governance = governanceSettings(process.env, chainId, accounts);
// Account #2 stays a plain monthly reader (the README's example): the founders are #0, #1 and #3.
const foundingMembers = process.env.FOUNDING_MEMBERS ? governance.foundingMembers : [accounts[0], accounts[1], accounts[3]];

console.log(`Deploying the governed TopNFTpost to chain ${chainId} (founding members ${foundingMembers.join(", ")})`);
const { deployments } = await deployGovernedPublication(
  viem,
  { passReferralBps, passRoyaltyBps, passContractURI, editionsContractURI },
  { ...governance, foundingMembers },
);

const record = {
  chainId,
  contracts: Object.fromEntries(
    Object.entries(deployments).map(([name, d]) => [name, { address: d.address, blockNumber: Number(d.blockNumber) }]),
  ),
};
writeFileSync(join(deploymentsDir, `${chainId}.json`), `${JSON.stringify(record, null, 2)}\n`);
await writeContractsFile();
for (const [name, d] of Object.entries(record.contracts)) {
  console.log(`  ${name.padEnd(18)} ${d.address}  (block ${d.blockNumber})`);
}
