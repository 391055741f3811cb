import type { HardhatViemHelpers } from "@nomicfoundation/hardhat-viem/types";
import type { Address } from "viem";

/** What a deployment of the publication needs to know; see `publicationSettings.ts` for defaults. */
export interface PublicationSettings {
  admin: Address;
  treasury: Address;
  passReferralBps: number;
  passRoyaltyBps: bigint;
  passContractURI: string;
  editionsContractURI: string;
}

/**
 * Deploys MembershipPass and ArticleEditions under a given admin and treasury, ungoverned: what
 * tests of the two contracts start from. What ships is `deployGovernedPublication`, whose
 * Publication module (ignition/modules/Publication.ts) deploys them with the same arguments.
 */
export async function deployPublication(viem: HardhatViemHelpers, settings: PublicationSettings) {
  const publicClient = await viem.getPublicClient();

  const passTx = await viem.sendDeploymentTransaction("MembershipPass", [
    settings.admin,
    settings.treasury,
    settings.passReferralBps,
    settings.passRoyaltyBps,
    settings.passContractURI,
  ]);
  const passReceipt = await publicClient.waitForTransactionReceipt({ hash: passTx.deploymentTransaction.hash });

  const editionsTx = await viem.sendDeploymentTransaction("ArticleEditions", [
    settings.admin,
    settings.treasury,
    passTx.contract.address,
    settings.editionsContractURI,
  ]);
  const editionsReceipt = await publicClient.waitForTransactionReceipt({
    hash: editionsTx.deploymentTransaction.hash,
  });

  return {
    pass: passTx.contract,
    editions: editionsTx.contract,
    deployments: {
      MembershipPass: { address: passTx.contract.address, blockNumber: passReceipt.blockNumber },
      ArticleEditions: { address: editionsTx.contract.address, blockNumber: editionsReceipt.blockNumber },
    },
  };
}

export type DeployedPublication = Awaited<ReturnType<typeof deployPublication>>;
