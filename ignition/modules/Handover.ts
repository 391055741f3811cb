import { buildModule } from "@nomicfoundation/hardhat-ignition/modules";
import type { Future } from "@nomicfoundation/ignition-core";
import { ROLES } from "./roles.ts";
import { type SetupShape, setupModule } from "./Setup.ts";

export interface CoverageDaoShape extends SetupShape {
  /** The configuration names the deployer a publisher (or manager): it keeps that role. */
  deployerPublishes: boolean;
  deployerManages: boolean;
}

/**
 * The governed publication, whole: every contract and the setup first, then, as the last step,
 * the handover. The governor alone proposes, cancels and executes; the timelock alone
 * administers; the deployer renounces every admin power it holds, the timelock's last. An
 * interrupted deploy resumes from Ignition's journal, so the handover always runs, and only once.
 */
export const handoverModule = (shape: CoverageDaoShape) => {
  const Setup = setupModule(shape);
  return buildModule("Handover", (m) => {
    const contracts = m.useModule(Setup);
    const { timelock, pass, editions, governor } = contracts;
    const me = m.getAccount(0);
    const afterSetup = { after: [Setup] };
    const grants = [
      m.call(timelock, "grantRole", [ROLES.PROPOSER, governor], { id: "governorProposes", ...afterSetup }),
      m.call(timelock, "grantRole", [ROLES.CANCELLER, governor], { id: "governorCancels", ...afterSetup }),
      m.call(timelock, "grantRole", [ROLES.EXECUTOR, governor], { id: "governorExecutes", ...afterSetup }),
      m.call(pass, "grantRole", [ROLES.ADMIN, timelock], { id: "timelockAdministersPass", ...afterSetup }),
      m.call(editions, "grantRole", [ROLES.ADMIN, timelock], { id: "timelockAdministersEditions", ...afterSetup }),
    ];
    const leaves: Future[] = [...grants];
    if (!shape.deployerManages) {
      leaves.push(m.call(pass, "renounceRole", [ROLES.MANAGER, me], { id: "deployerLeavesManager", after: grants }));
    }
    if (!shape.deployerPublishes) {
      leaves.push(m.call(editions, "renounceRole", [ROLES.PUBLISHER, me], { id: "deployerLeavesPublisher", after: grants }));
    }
    const passAdmin = m.call(pass, "renounceRole", [ROLES.ADMIN, me], { id: "deployerLeavesPassAdmin", after: leaves });
    const editionsAdmin = m.call(editions, "renounceRole", [ROLES.ADMIN, me], { id: "deployerLeavesEditionsAdmin", after: leaves });
    m.call(timelock, "renounceRole", [ROLES.ADMIN, me], { id: "deployerLeavesTimelockAdmin", after: [passAdmin, editionsAdmin] });
    return contracts;
  });
};
