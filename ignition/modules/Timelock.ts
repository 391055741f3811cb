import { buildModule } from "@nomicfoundation/hardhat-ignition/modules";

/**
 * The timelock: the treasury from the first sale and, once the handover runs, the only admin.
 * The deployer administers it only until the governor exists (see Handover.ts).
 */
export const TimelockModule = buildModule("Timelock", (m) => {
  const timelock = m.contract("TimelockController", [m.getParameter<bigint>("delay"), [], [], m.getAccount(0)]);
  return { timelock };
});
