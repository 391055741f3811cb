import { buildModule } from "@nomicfoundation/hardhat-ignition/modules";
import { PublicationModule } from "./Publication.ts";

/** The CoverageGovernor voting with the passes, and the CoverageDesk the timelock pays commissions through. */
export const GovernanceModule = buildModule("Governance", (m) => {
  const { timelock, pass, editions } = m.useModule(PublicationModule);
  const governor = m.contract("CoverageGovernor", [pass, timelock, m.getParameter("governor")]);
  const desk = m.contract("CoverageDesk", [timelock, governor, editions, m.getParameter<bigint>("challengeWindow")]);
  return { timelock, pass, editions, governor, desk };
});
