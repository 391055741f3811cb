import { buildModule } from "@nomicfoundation/hardhat-ignition/modules";
import type { ContractCallFuture } from "@nomicfoundation/ignition-core";
import { zeroAddress } from "viem";
import { GovernanceModule } from "./Governance.ts";
import { ROLES } from "./roles.ts";

/** How many tiers and people the configuration names: the module's shape. Their values are parameters. */
export interface SetupShape {
  tiers: number;
  /** Index of the tier whose passes the founding members receive. */
  foundingTier: number;
  foundingMembers: number;
  publishers: number;
  managers: number;
}

/**
 * What governance needs to exist before the deployer leaves: the member tiers (voting tiers need
 * the admin), founding passes so someone holds votes on day one (paid by the deployer into the
 * treasury), and the configured publishers and managers.
 */
export const setupModule = (shape: SetupShape) =>
  buildModule("Setup", (m) => {
    const contracts = m.useModule(GovernanceModule);
    const { pass, editions } = contracts;
    // One after another, so tier ids follow the configuration's order (1, 2, ...).
    const tiers: ContractCallFuture<"MembershipPass", "createTier">[] = [];
    for (let i = 0; i < shape.tiers; i++) {
      tiers.push(m.call(pass, "createTier", [m.getParameter(`tier${i}`)], { id: `createTier${i}`, after: tiers.slice(-1) }));
    }
    const foundingTierId = m.readEventArgument(tiers[shape.foundingTier], "TierCreated", "tierId", { id: "foundingTierId" });
    const foundingPrice = m.getParameter<bigint>("foundingPrice");
    // One after another too: sent at once, each was gas-estimated before the others were mined,
    // and a purchase that then found the vote checkpoints moved ran out of gas (seen once in CI).
    const passes: ContractCallFuture<"MembershipPass", "purchase">[] = [];
    for (let i = 0; i < shape.foundingMembers; i++) {
      const member = m.getParameter<string>(`foundingMember${i}`);
      passes.push(
        m.call(pass, "purchase", [foundingTierId, member, zeroAddress], {
          id: `foundingPass${i}`,
          value: foundingPrice,
          after: passes.slice(-1),
        }),
      );
    }
    for (let i = 0; i < shape.publishers; i++) {
      m.call(editions, "grantRole", [ROLES.PUBLISHER, m.getParameter<string>(`publisher${i}`)], { id: `grantPublisher${i}` });
    }
    for (let i = 0; i < shape.managers; i++) {
      m.call(pass, "grantRole", [ROLES.MANAGER, m.getParameter<string>(`manager${i}`)], { id: `grantManager${i}` });
    }
    return contracts;
  });
