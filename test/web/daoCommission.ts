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
 * executes it. For specs that need a commission of their own rather than a seeded one. Its
 * deadline is `deadlineIn` seconds after the execution.
 */
export async function commissionThroughProposal(title: string, bounty: bigint, { deadlineIn = 30 * 86_400 } = {}) {
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
  const waits = [
    Number(await governorReads.votingDelay()) + 1,
    Number(await governorReads.votingPeriod()) + 1,
    Number(
      await stack.publicClient.readContract({
        address: deployed.TimelockController!.address,
        abi: timelockControllerAbi,
        functionName: "getMinDelay",
      }),
    ) + 1,
  ];
  const { timestamp } = await stack.publicClient.getBlock();
  // Each transaction mines a block a second or so later: a minute covers them.
  const deadline = Number(timestamp) + waits.reduce((sum, wait) => sum + wait, 0) + 60 + deadlineIn;
  const terms = { topicCid: cid, bounty, deadline };
  await send(proposeCoverage(governor, desk, terms, proposalDescription(title, cid)));
  const id = await governorReads.proposalCount();
  await advanceChainTime(waits[0]);
  await send(castVote(governor, id, 1, ""));
  await advanceChainTime(waits[1]);
  await send(queueProposal(governor, id));
  await advanceChainTime(waits[2]);
  await send(executeProposal(governor, id));
  return {
    proposalId: id,
    commissionId: await stack.publicClient.readContract({ address: desk, abi: coverageDeskAbi, functionName: "commissionCount" }),
  };
}
