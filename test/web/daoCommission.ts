import { getContract, type WalletClient } from "viem";
import { sendContractWrite } from "../../scripts/content/contentChain.ts";
import { castVote, executeProposal, proposeCoverage, queueProposal } from "../../web/src/contracts/writes.ts";
import { proposalDescription } from "../../web/src/dao/proposalDescription.ts";
import {
  coverageDeskAbi,
  coverageGovernorAbi,
  deploymentOn,
  LOCAL_CHAIN_ID,
  timelockControllerAbi,
} from "../../web/src/generated/contracts.ts";
import { advanceChainTime, testAccount, webStack } from "./webStack.ts";

/**
 * A fresh open commission, funded the way members fund one: account #1 (a founding member whose
 * votes reach quorum alone) proposes it, votes for it, and, chain time passing, queues and
 * executes it. For specs that need a commission of their own rather than a seeded one.
 */
export async function commissionThroughProposal(title: string, bounty: bigint) {
  const stack = webStack();
  const deployed = deploymentOn(LOCAL_CHAIN_ID)!;
  const governor = deployed.CoverageGovernor!.address;
  const desk = deployed.CoverageDesk!.address;
  const member = testAccount(1).wallet as WalletClient;
  const send = (call: Parameters<typeof sendContractWrite>[2]) => sendContractWrite(stack.publicClient, member, call);
  const governorReads = getContract({ address: governor, abi: coverageGovernorAbi, client: stack.publicClient }).read;

  // The topic's Markdown on the stack's IPFS node, as /dao/new stores it.
  const form = new FormData();
  form.append("file", new Blob([`# ${title}\n\nCommissioned by a test.\n`]));
  const added = await fetch(`${stack.ipfsApi}/api/v0/add?pin=true&cid-version=0`, { method: "POST", body: form });
  const cid = ((await added.json()) as { Hash: string }).Hash;
  const { timestamp } = await stack.publicClient.getBlock();
  const terms = { topicCid: cid, bounty, deadline: Number(timestamp) + 30 * 86_400 };
  await send(proposeCoverage(governor, desk, terms, proposalDescription(title, cid)));
  const id = await governorReads.proposalCount();
  await advanceChainTime(Number(await governorReads.votingDelay()) + 1);
  await send(castVote(governor, id, 1, ""));
  await advanceChainTime(Number(await governorReads.votingPeriod()) + 1);
  await send(queueProposal(governor, id));
  const minDelay = await stack.publicClient.readContract({
    address: deployed.TimelockController!.address,
    abi: timelockControllerAbi,
    functionName: "getMinDelay",
  });
  await advanceChainTime(Number(minDelay) + 1);
  await send(executeProposal(governor, id));
  return stack.publicClient.readContract({ address: desk, abi: coverageDeskAbi, functionName: "commissionCount" });
}
