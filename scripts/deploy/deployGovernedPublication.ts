import type { HardhatViemHelpers } from "@nomicfoundation/hardhat-viem/types";
import type { Address, ContractConstructorArgs, ContractFunctionArgs } from "viem";
import { ROLES } from "../../ignition/modules/roles.ts";
import type { coverageGovernorAbi, membershipPassAbi } from "../../web/src/generated/contracts.ts";
import { coverageDaoDeployment } from "./coverageDaoDeployment.ts";
import type { PublicationSettings } from "./deployPublication.ts";
import { type IgnitionRunOptions, runIgnition } from "./runIgnition.ts";

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

/**
 * Deploys the publication governed by its members, with the Hardhat Ignition modules in
 * ignition/modules: a TimelockController that is the treasury and the only admin, the
 * CoverageGovernor that feeds it, and the CoverageDesk it pays commissions through. Creates the
 * tiers and founding passes while the deployer is still admin, gives the configured addresses
 * their publisher and manager roles, then, as the last step, hands every admin power to the
 * timelock and has the deployer renounce all it holds. The deployer keeps only the publisher or
 * manager role when configuration names it.
 *
 * With `options.journalDir`, an interrupted deploy resumes from Ignition's journal there when
 * called again with the same settings, and a finished one sends nothing.
 */
export async function deployGovernedPublication(
  viem: HardhatViemHelpers,
  publication: Omit<PublicationSettings, "admin" | "treasury">,
  governance: GovernanceSettings,
  options: IgnitionRunOptions = {},
) {
  const [deployer] = await viem.getWalletClients();
  const { ignitionModule, parameters } = coverageDaoDeployment(publication, governance, deployer.account.address);
  const deployed = await runIgnition(viem, ignitionModule, parameters, options);
  const find = (futureId: string) => {
    const contract = deployed[futureId];
    if (!contract) throw new Error(`The deploy finished without ${futureId}`);
    return { address: contract.address, blockNumber: contract.blockNumber };
  };
  const deployments = {
    MembershipPass: find("Publication#MembershipPass"),
    ArticleEditions: find("Publication#ArticleEditions"),
    TimelockController: find("Timelock#TimelockController"),
    CoverageGovernor: find("Governance#CoverageGovernor"),
    CoverageDesk: find("Governance#CoverageDesk"),
  };

  const pass = await viem.getContractAt("MembershipPass", deployments.MembershipPass.address);
  const editions = await viem.getContractAt("ArticleEditions", deployments.ArticleEditions.address);
  const timelock = await viem.getContractAt("TimelockController", deployments.TimelockController.address);
  // The journal says the handover ran; the chain must agree (a local chain that lost its last
  // blocks to a kill would not), or nobody should take this for a governed publication.
  for (const contract of [pass, editions, timelock]) {
    if (await contract.read.hasRole([ROLES.ADMIN, deployer.account.address])) {
      throw new Error(`The deployer still administers ${contract.address}: the handover did not take on this chain.`);
    }
  }
  for (const contract of [pass, editions]) {
    if (!(await contract.read.hasRole([ROLES.ADMIN, timelock.address]))) {
      throw new Error(`The timelock does not administer ${contract.address}: the handover did not take on this chain.`);
    }
  }

  return {
    pass,
    editions,
    timelock,
    governor: await viem.getContractAt("CoverageGovernor", deployments.CoverageGovernor.address),
    desk: await viem.getContractAt("CoverageDesk", deployments.CoverageDesk.address),
    // The pass is new: its tiers are numbered from 1 in the configuration's order.
    foundingTierId: BigInt(governance.foundingTier) + 1n,
    deployments,
  };
}

export type DeployedGovernedPublication = Awaited<ReturnType<typeof deployGovernedPublication>>;
