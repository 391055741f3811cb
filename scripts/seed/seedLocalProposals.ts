// Seeds the local coverage DAO so its pages are never empty: proposals in every state a member
// meets (active; passed and queued; executed with an open commission; executed and fulfilled by a
// seeded article whose authors were paid; defeated), moving the local chain's clock past each
// voting period and timelock delay. On a chain that already has proposals (a resumed `npm start`)
// it only adds a fresh active proposal when none is pending or active.
// Run by `npm start` after the articles: node scripts/seed/seedLocalProposals.ts
import { join } from "node:path";
import { formatEther, getContract, parseEther, type WalletClient } from "viem";
import { loadArticleSource } from "../../web/src/content/loadArticleSource.ts";
import { castVote, executeProposal, proposeCoverage, queueProposal } from "../../web/src/contracts/writes.ts";
import { proposalDescription } from "../../web/src/dao/proposalDescription.ts";
import { coverageDeskAbi, coverageGovernorAbi, deploymentOn, timelockControllerAbi } from "../../web/src/generated/contracts.ts";
import { connectContent } from "../content/connectContent.ts";
import { connectPublishDatabase } from "../content/connectPublishDatabase.ts";
import { sendContractWrite } from "../content/contentChain.ts";
import { publishArticleFile } from "../content/publishArticleFile.ts";

const DAY = 86_400;
const PENDING = 0;
const ACTIVE = 1;

interface SeedProposal {
  title: string;
  body: string;
  bounty: string;
  /** Where the seed leaves it. */
  outcome: "active" | "queued" | "executed" | "fulfilled" | "defeated";
}

const PROPOSALS: SeedProposal[] = [
  {
    title: "Busan Blockchain Week follow-up",
    body: "Go back to Busan one month after Blockchain Week: which of the pilots shown in the halls run today outside the regulation-free zone?",
    bounty: "0.5",
    outcome: "fulfilled",
  },
  {
    title: "Kaia Governance Council, one year on",
    body: "Who sits on the council now, how did they vote, and what did the foundation change because of it?",
    bounty: "0.3",
    outcome: "executed",
  },
  {
    title: "Seoul NFT ticketing: who resold the tickets?",
    body: "Follow the resale of NFT concert tickets in Seoul on chain: how many were resold, above what price, and did artists get a royalty?",
    bounty: "0.2",
    outcome: "queued",
  },
  {
    title: "A roundup of exchange listing rumours",
    body: "A weekly roundup of which tokens might be listed next on Korean exchanges.",
    bounty: "0.4",
    outcome: "defeated",
  },
];

const FRESH: Omit<SeedProposal, "outcome"> = {
  title: "Incheon metaverse budget audit",
  body: "Read Incheon's metaverse budget line by line: what was bought, from whom, and who uses it today?",
  bounty: "0.25",
};

const content = await connectContent("localhost");
const { publicClient, wallets } = content;
const deployed = deploymentOn(content.chainId);
if (!deployed?.CoverageGovernor || !deployed.CoverageDesk || !deployed.TimelockController) {
  console.log("No coverage DAO in this deployment: nothing to seed.");
  process.exit(0);
}
const governor = deployed.CoverageGovernor.address;
const desk = deployed.CoverageDesk.address;
// The founding members (#0, #1, #3); #0 is also the editor who fulfils commissions.
const [editor, second, , third] = wallets;

const send = (wallet: WalletClient, call: Parameters<typeof sendContractWrite>[2]) => sendContractWrite(publicClient, wallet, call);
// Typed reads of the governor (viem checks each function name and its arguments).
const governorReads = getContract({ address: governor, abi: coverageGovernorAbi, client: publicClient }).read;
async function advance(seconds: number) {
  await publicClient.request({ method: "evm_increaseTime" as never, params: [seconds] as never });
  await publicClient.request({ method: "evm_mine" as never, params: [] as never });
}
const [votingDelay, votingPeriod] = [Number(await governorReads.votingDelay()), Number(await governorReads.votingPeriod())];

/** Uploads the proposal's Markdown, proposes its commission and returns the new proposal's id. */
async function propose(proposer: WalletClient, seed: Omit<SeedProposal, "outcome">) {
  const markdown = `# ${seed.title}\n\n${seed.body}\n`;
  const { cid } = await content.ipfs.add(markdown, { cidVersion: 0, pin: true });
  const { timestamp } = await publicClient.getBlock();
  const terms = { topicCid: cid.toString(), bounty: parseEther(seed.bounty), deadline: Number(timestamp) + 30 * DAY };
  await send(proposer, proposeCoverage(governor, desk, terms, proposalDescription(seed.title, cid.toString())));
  return governorReads.proposalCount();
}

const count = await governorReads.proposalCount();
if (count === 0n) {
  const ids: bigint[] = [];
  for (const [i, seed] of PROPOSALS.entries()) ids.push(await propose([second, third][i % 2], seed));
  await advance(votingDelay + 1);
  for (const [i, seed] of PROPOSALS.entries()) {
    if (seed.outcome === "defeated") {
      await send(editor, castVote(governor, ids[i], 1, "Readers ask for this every week."));
      await send(second, castVote(governor, ids[i], 0, "Rumours are not reporting; the treasury should not pay for them."));
      await send(third, castVote(governor, ids[i], 0, ""));
    } else {
      await send(editor, castVote(governor, ids[i], 1, "The newsroom can deliver this within the month."));
      await send(second, castVote(governor, ids[i], 1, "Members keep asking about this."));
      await send(third, castVote(governor, ids[i], 2, "No view on the topic; the bounty looks fair."));
    }
  }
  await advance(votingPeriod + 1);
  const passed = PROPOSALS.flatMap((seed, i) => (seed.outcome === "defeated" ? [] : [ids[i]]));
  for (const id of passed) await send(editor, queueProposal(governor, id));
  const timelock = { address: deployed.TimelockController.address, abi: timelockControllerAbi } as const;
  await advance(Number(await publicClient.readContract({ ...timelock, functionName: "getMinDelay" })) + 1);
  const before = await publicClient.readContract({ address: desk, abi: coverageDeskAbi, functionName: "commissionCount" });
  for (const [i, seed] of PROPOSALS.entries()) {
    if (seed.outcome === "executed" || seed.outcome === "fulfilled") await send(editor, executeProposal(governor, ids[i]));
  }

  // The fulfilled one: the newsroom publishes the follow-up, the editor links it, the challenge
  // window passes, and the bounty is credited to the article's authors.
  const fulfilledCommission = before + 1n; // executed in order: the fulfilled proposal first
  const db = await connectPublishDatabase();
  const source = await loadArticleSource(join(import.meta.dirname, "dao", "busan-blockchain-week-follow-up.en.md"));
  const article = await publishArticleFile(source, {
    ...content,
    db,
    masterKey: content.keyring.current,
    log: (line) => console.log(`  ${line}`),
  });
  await send(editor, {
    address: desk,
    abi: coverageDeskAbi,
    functionName: "fulfil",
    args: [fulfilledCommission, article.articleId],
  });
  const challengeWindow = await publicClient.readContract({ address: desk, abi: coverageDeskAbi, functionName: "challengeWindow" });
  await advance(Number(challengeWindow) + 1);
  await send(editor, { address: desk, abi: coverageDeskAbi, functionName: "settle", args: [fulfilledCommission] });
  console.log(`  Commission ${fulfilledCommission} fulfilled by article ${article.articleId}; its authors were credited the bounty.`);
}

// An active proposal, so a member always has something to vote on.
const total = await governorReads.proposalCount();
let open = false;
for (let id = 1n; id <= total; id++) open ||= [PENDING, ACTIVE].includes(Number(await governorReads.state([id])));
if (!open) {
  const id = await propose(third, FRESH);
  await advance(votingDelay + 1);
  await send(third, castVote(governor, id, 1, "The city should show what it bought."));
}

const states = ["pending", "active", "canceled", "defeated", "succeeded", "queued", "expired", "executed"];
console.log("Coverage proposals:");
for (let id = 1n; id <= (await governorReads.proposalCount()); id++) {
  console.log(`  #${id} ${states[Number(await governorReads.state([id]))]}`);
}
console.log(`Treasury: ${formatEther(await publicClient.getBalance({ address: deployed.TimelockController.address }))} ETH`);
process.exit(0);
