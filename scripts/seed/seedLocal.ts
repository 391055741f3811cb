// Seeds the local publication with tiers and passes held by test accounts, then prints what is
// there. Safe to run twice: it only adds what is missing. The deploy already created the
// configured tiers (voting tiers need the admin, which is now the timelock): reading tiers added
// to SAMPLE_TIERS later are created by the editor, who manages tiers; voting ones need a proposal.
// Run: npx hardhat run scripts/seed/seedLocal.ts --network localhost
import { network } from "hardhat";
import { formatEther, zeroAddress } from "viem";
import { deploymentOn, LIFETIME_EXPIRY, membershipPassAbi } from "../../web/src/generated/contracts.ts";
import { SAMPLE_TIERS } from "./sampleTiers.ts";

const { viem } = await network.create();
const publicClient = await viem.getPublicClient();
const chainId = await publicClient.getChainId();
const deployed = deploymentOn(chainId);
if (!deployed) throw new Error(`Nothing deployed on chain ${chainId}: run the deploy script first.`);

const [editor, , reader, member] = await viem.getWalletClients();
const pass = await viem.getContractAt("MembershipPass", deployed.MembershipPass.address);
const write = async (hash: Promise<`0x${string}`>) => publicClient.waitForTransactionReceipt({ hash: await hash });

const existingTiers = Number(await pass.read.tierCount());
for (const [index, tier] of SAMPLE_TIERS.entries()) {
  if (index < existingTiers) continue;
  if (tier.votingWeight !== 0) {
    console.log(`  Tier "${tier.name}" carries votes: only governance can create it now (propose it on /dao).`);
    break;
  }
  await write(pass.write.createTier([tier], { account: editor.account }));
}

// Sample passes: account #2 reads with a monthly pass, account #3 is a voting member.
const samplePasses = [
  { holder: reader, tierId: 1n },
  { holder: member, tierId: 3n },
];
for (const { holder, tierId } of samplePasses) {
  if ((await pass.read.passOf([holder.account.address, tierId])) !== 0n) continue;
  const [config] = await pass.read.tier([tierId]);
  await write(
    holder.writeContract({
      address: pass.address,
      abi: membershipPassAbi,
      functionName: "purchase",
      args: [tierId, holder.account.address, zeroAddress],
      value: config.price,
    }),
  );
}

// The treasury's share of every sale waits in the pass contract until someone sends it on: the
// timelock is the treasury, and it pays the bounties of the coverage members vote for.
const timelock = deployed.TimelockController?.address;
if (timelock && (await pass.read.owed([timelock])) > 0n) await write(pass.write.withdraw([timelock], { account: editor.account }));
if (timelock) console.log(`Treasury (timelock ${timelock}): ${formatEther(await publicClient.getBalance({ address: timelock }))} ETH`);

console.log("Membership tiers:");
for (let tierId = 1n; tierId <= (await pass.read.tierCount()); tierId++) {
  const [config, minted] = await pass.read.tier([tierId]);
  const duration = config.duration === 0 ? "lifetime" : `${config.duration / 86_400} days`;
  console.log(
    `  #${tierId} ${config.name}: ${formatEther(config.price)} ETH, ${duration}, level ${config.level}, ` +
      `votes ${config.votingWeight}, ${minted} sold`,
  );
}
console.log("Sample passes:");
for (const { holder, tierId } of samplePasses) {
  const tokenId = await pass.read.passOf([holder.account.address, tierId]);
  const expiry = await pass.read.expiresAt([tokenId]);
  const until = expiry === LIFETIME_EXPIRY ? "never expires" : `expires ${new Date(Number(expiry) * 1000).toISOString()}`;
  console.log(`  ${holder.account.address} holds pass ${tokenId} (tier ${tierId}), ${until}`);
}
