import type { HardhatViemHelpers } from "@nomicfoundation/hardhat-viem/types";
import { type Address, type ContractConstructorArgs, type ContractFunctionArgs, keccak256, toHex, zeroAddress } from "viem";
import type { coverageGovernorAbi, membershipPassAbi } from "../../web/src/generated/contracts.ts";
import { deployPublication, type PublicationSettings } from "./deployPublication.ts";

type TierConfig = ContractFunctionArgs<typeof membershipPassAbi, "nonpayable", "createTier">[0];
type GovernorConfig = ContractConstructorArgs<typeof coverageGovernorAbi>[2];

/** What the DAO starts with; see `governanceSettings.ts` for where each comes from. */
export interface GovernanceSettings {
  governor: GovernorConfig;
  /** Seconds a passed proposal waits in the timelock before it can run. */
  timelockDelay: bigint;
  /** Seconds the guardian or governance may reject a commission's fulfilment. */
  challengeWindow: bigint;
  /** Membership tiers created before the handover (voting tiers need the admin, who then leaves). */
  tiers: readonly TierConfig[];
  /** Index in `tiers` of the tier whose passes the founding members receive. */
  foundingTier: number;
  /** Addresses that hold votes on day one; the deployer pays their passes into the treasury. */
  foundingMembers: readonly Address[];
  publishers: readonly Address[];
  managers: readonly Address[];
}

const role = (name: string) => keccak256(toHex(name));
const ADMIN_ROLE = `0x${"00".repeat(32)}` as const;
const MANAGER_ROLE = role("MANAGER_ROLE");
const PUBLISHER_ROLE = role("PUBLISHER_ROLE");
const PROPOSER_ROLE = role("PROPOSER_ROLE");
const EXECUTOR_ROLE = role("EXECUTOR_ROLE");
const CANCELLER_ROLE = role("CANCELLER_ROLE");

/**
 * Deploys the publication governed by its members: a TimelockController that is the treasury and
 * the only admin, the CoverageGovernor that feeds it, and the CoverageDesk it pays commissions
 * through. Creates the tiers and founding passes while the deployer is still admin, gives the
 * configured addresses their publisher and manager roles, then hands every admin power to the
 * timelock and has the deployer renounce all it holds. The deployer keeps only the publisher or
 * manager role when configuration names it.
 */
export async function deployGovernedPublication(
  viem: HardhatViemHelpers,
  publication: Omit<PublicationSettings, "admin" | "treasury">,
  governance: GovernanceSettings,
) {
  const publicClient = await viem.getPublicClient();
  const [deployer] = await viem.getWalletClients();
  const me = deployer.account.address;
  const wait = async (hash: Promise<`0x${string}`>) => {
    const receipt = await publicClient.waitForTransactionReceipt({ hash: await hash });
    if (receipt.status !== "success") throw new Error(`deploy step reverted: ${receipt.transactionHash}`);
    return receipt;
  };
  const deploy = async (name: string, args: unknown[]) => {
    const { contract, deploymentTransaction } = await viem.sendDeploymentTransaction(name as never, args as never);
    const receipt = await wait(Promise.resolve(deploymentTransaction.hash));
    return { address: (contract as { address: Address }).address, blockNumber: receipt.blockNumber };
  };

  // The deployer administers the timelock only until the governor exists.
  const timelockDeployment = await deploy("TimelockController", [governance.timelockDelay, [], [], me]);
  const timelock = await viem.getContractAt("TimelockController", timelockDeployment.address);
  const { pass, editions, deployments } = await deployPublication(viem, { ...publication, admin: me, treasury: timelock.address });
  const governorDeployment = await deploy("CoverageGovernor", [pass.address, timelock.address, governance.governor]);
  const governor = await viem.getContractAt("CoverageGovernor", governorDeployment.address);
  const deskDeployment = await deploy("CoverageDesk", [timelock.address, governor.address, editions.address, governance.challengeWindow]);
  const desk = await viem.getContractAt("CoverageDesk", deskDeployment.address);

  // What governance needs to exist before the handover: voting tiers need the admin.
  const firstTier = (await pass.read.tierCount()) + 1n;
  for (const tier of governance.tiers) await wait(pass.write.createTier([tier]));
  const foundingTierId = firstTier + BigInt(governance.foundingTier);
  const foundingPrice = governance.tiers[governance.foundingTier].price;
  for (const member of governance.foundingMembers) {
    await wait(pass.write.purchase([foundingTierId, member, zeroAddress], { value: foundingPrice }));
  }
  for (const account of governance.publishers) await wait(editions.write.grantRole([PUBLISHER_ROLE, account]));
  for (const account of governance.managers) await wait(pass.write.grantRole([MANAGER_ROLE, account]));

  // The handover: the governor alone proposes, cancels and executes; the timelock alone administers.
  for (const timelockRole of [PROPOSER_ROLE, CANCELLER_ROLE, EXECUTOR_ROLE]) {
    await wait(timelock.write.grantRole([timelockRole, governor.address]));
  }
  await wait(pass.write.grantRole([ADMIN_ROLE, timelock.address]));
  await wait(editions.write.grantRole([ADMIN_ROLE, timelock.address]));
  if (!governance.managers.includes(me)) await wait(pass.write.renounceRole([MANAGER_ROLE, me]));
  if (!governance.publishers.includes(me)) await wait(editions.write.renounceRole([PUBLISHER_ROLE, me]));
  await wait(pass.write.renounceRole([ADMIN_ROLE, me]));
  await wait(editions.write.renounceRole([ADMIN_ROLE, me]));
  await wait(timelock.write.renounceRole([ADMIN_ROLE, me]));

  return {
    pass,
    editions,
    timelock,
    governor,
    desk,
    foundingTierId,
    deployments: {
      ...deployments,
      TimelockController: timelockDeployment,
      CoverageGovernor: governorDeployment,
      CoverageDesk: deskDeployment,
    },
  };
}

export type DeployedGovernedPublication = Awaited<ReturnType<typeof deployGovernedPublication>>;
