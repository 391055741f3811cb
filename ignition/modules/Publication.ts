import { buildModule } from "@nomicfoundation/hardhat-ignition/modules";
import { TimelockModule } from "./Timelock.ts";

/** MembershipPass and ArticleEditions, paying the timelock; the deployer is admin until the handover. */
export const PublicationModule = buildModule("Publication", (m) => {
  const { timelock } = m.useModule(TimelockModule);
  const deployer = m.getAccount(0);
  const pass = m.contract("MembershipPass", [
    deployer,
    timelock,
    m.getParameter<number>("passReferralBps"),
    m.getParameter<bigint>("passRoyaltyBps"),
    m.getParameter<string>("passContractURI"),
  ]);
  const editions = m.contract("ArticleEditions", [deployer, timelock, pass, m.getParameter<string>("editionsContractURI")]);
  return { timelock, pass, editions };
});
