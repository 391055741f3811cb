import type { DeploymentParameters } from "@nomicfoundation/ignition-core";
import { type Address, isAddressEqual } from "viem";
import { handoverModule } from "../../ignition/modules/Handover.ts";
import type { GovernanceSettings } from "./deployGovernedPublication.ts";
import type { PublicationSettings } from "./deployPublication.ts";

const byIndex = <T>(prefix: string, values: readonly T[]) => Object.fromEntries(values.map((value, i) => [`${prefix}${i}`, value]));

/**
 * The governed publication as an Ignition module and its parameters, from the settings readers'
 * output (`publicationSettings.ts`, `governanceSettings.ts`). Every value reaches the modules as
 * an Ignition parameter, so the journal records it and a resume with other values is refused;
 * the lists' lengths give the module its shape.
 */
export function coverageDaoDeployment(
  publication: Omit<PublicationSettings, "admin" | "treasury">,
  governance: GovernanceSettings,
  deployer: Address,
) {
  const has = (list: readonly Address[]) => list.some((account) => isAddressEqual(account, deployer));
  const ignitionModule = handoverModule({
    tiers: governance.tiers.length,
    foundingTier: governance.foundingTier,
    foundingMembers: governance.foundingMembers.length,
    publishers: governance.publishers.length,
    managers: governance.managers.length,
    deployerPublishes: has(governance.publishers),
    deployerManages: has(governance.managers),
  });
  const parameters: DeploymentParameters = {
    Timelock: { delay: governance.timelockDelay },
    Publication: {
      passReferralBps: publication.passReferralBps,
      passRoyaltyBps: publication.passRoyaltyBps,
      passContractURI: publication.passContractURI,
      editionsContractURI: publication.editionsContractURI,
    },
    Governance: { governor: { ...governance.governor }, challengeWindow: governance.challengeWindow },
    Setup: {
      ...byIndex(
        "tier",
        governance.tiers.map((tier) => ({ ...tier })),
      ),
      foundingPrice: governance.tiers[governance.foundingTier].price,
      ...byIndex("foundingMember", governance.foundingMembers),
      ...byIndex("publisher", governance.publishers),
      ...byIndex("manager", governance.managers),
    },
  };
  return { ignitionModule, parameters };
}
