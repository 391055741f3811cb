import { network } from "hardhat";
import { type Address, encodeFunctionData, type Hex, keccak256, parseEther, toHex } from "viem";
import { deployGovernedPublication, type GovernanceSettings } from "../../scripts/deploy/deployGovernedPublication.ts";
import { SAMPLE_TIERS } from "../../scripts/seed/sampleTiers.ts";
import { topicOfCid } from "../../web/src/dao/commissionTopic.ts";
import { coverageDeskAbi } from "../../web/src/generated/contracts.ts";
import { articleParams } from "./publicationFixture.ts";

/** Durations short enough to step through, in seconds (the local chain's clock). */
export const DURATIONS = {
  votingDelay: 60,
  votingPeriod: 300,
  lateQuorumExtension: 60,
  timelockDelay: 60n,
  challengeWindow: 300n,
} as const;
/** Three founding members of 3 votes each: 10% of 9 floors to 0, so the floor of 4 decides. */
export const QUORUM_FLOOR = 4n;
export const FOUNDING_WEIGHT = 3n;
export const VOTE = { against: 0, for: 1, abstain: 2 } as const;
export const ProposalState = { Pending: 0, Active: 1, Canceled: 2, Defeated: 3, Succeeded: 4, Queued: 5, Expired: 6, Executed: 7 } as const;
export const CommissionStatus = { None: 0, Open: 1, Fulfilled: 2, Paid: 3, Expired: 4 } as const;
export const TOPIC_CID = "QmYwAPJzv5CZsnA625s3Xf2nemtYgPpHdWEz79ojWnPbdG";
/** What the desk records of TOPIC_CID: the SHA-256 digest inside it. */
export const TOPIC = topicOfCid(TOPIC_CID);
export const BOUNTY = parseEther("1.5");

type Connection = Awaited<ReturnType<typeof network.create>>;

async function deployFixture(connection: Connection) {
  const { viem, networkHelpers } = connection;
  const [editor, alice, bob, carol, authorA, authorB, relayer, outsider] = await viem.getWalletClients();
  const publicClient = await viem.getPublicClient();
  const settings: GovernanceSettings = {
    governor: {
      votingDelay: DURATIONS.votingDelay,
      votingPeriod: DURATIONS.votingPeriod,
      proposalThreshold: 1n,
      quorumNumerator: 10n,
      quorumFloor: QUORUM_FLOOR,
      lateQuorumExtension: DURATIONS.lateQuorumExtension,
      proposalGuardian: editor.account.address,
    },
    timelockDelay: DURATIONS.timelockDelay,
    challengeWindow: DURATIONS.challengeWindow,
    tiers: SAMPLE_TIERS,
    foundingTier: 3,
    foundingMembers: [alice.account.address, bob.account.address, carol.account.address],
    publishers: [editor.account.address],
    managers: [editor.account.address],
  };
  const dao = await deployGovernedPublication(
    viem,
    { passReferralBps: 1_000, passRoyaltyBps: 500n, passContractURI: "", editionsContractURI: "" },
    settings,
  );
  // The founding passes' price reaches the treasury: anyone may send it there.
  await dao.pass.write.withdraw([dao.timelock.address]);

  const as = async (wallet: typeof alice) => ({
    governor: await viem.getContractAt("CoverageGovernor", dao.governor.address, { client: { wallet } }),
    desk: await viem.getContractAt("CoverageDesk", dao.desk.address, { client: { wallet } }),
    editions: await viem.getContractAt("ArticleEditions", dao.editions.address, { client: { wallet } }),
    pass: await viem.getContractAt("MembershipPass", dao.pass.address, { client: { wallet } }),
  });
  const latest = async () => BigInt((await publicClient.getBlock()).timestamp);

  /** A one-action proposal: commission coverage of `topic` for `bounty` from the treasury. */
  const commissionProposal = async (description: string, bounty = BOUNTY, deadline?: bigint) => {
    const due = deadline ?? (await latest()) + 30n * 86_400n;
    const calldata = encodeFunctionData({ abi: coverageDeskAbi, functionName: "commission", args: [TOPIC, bounty, Number(due)] });
    return {
      targets: [dao.desk.address] as Address[],
      values: [bounty],
      calldatas: [calldata] as Hex[],
      description,
      descriptionHash: keccak256(toHex(description)),
      deadline: due,
    };
  };
  type Proposal = Awaited<ReturnType<typeof commissionProposal>>;

  /** Proposes as `proposer` and returns the sequential proposal id. */
  const propose = async (proposal: Proposal, proposer = alice) => {
    await (await as(proposer)).governor.write.propose([proposal.targets, proposal.values, proposal.calldatas, proposal.description]);
    return dao.governor.read.latestProposalId();
  };
  /** Moves the chain's clock past the proposal's snapshot, so voting is open. */
  const openVoting = async (proposalId: bigint) => {
    await networkHelpers.time.increaseTo((await dao.governor.read.proposalSnapshot([proposalId])) + 1n);
  };
  const closeVoting = async (proposalId: bigint) => {
    await networkHelpers.time.increaseTo((await dao.governor.read.proposalDeadline([proposalId])) + 1n);
  };
  const queueAndExecute = async (proposal: Proposal) => {
    await dao.governor.write.queue([proposal.targets, proposal.values, proposal.calldatas, proposal.descriptionHash]);
    await networkHelpers.time.increase(DURATIONS.timelockDelay);
    return dao.governor.write.execute([proposal.targets, proposal.values, proposal.calldatas, proposal.descriptionHash]);
  };
  /** Runs a commission proposal through a vote all three members back; returns the commission id. */
  const passCommission = async (proposal: Proposal) => {
    const id = await propose(proposal);
    await openVoting(id);
    for (const member of [alice, bob]) await (await as(member)).governor.write.castVote([id, VOTE.for]);
    await closeVoting(id);
    await queueAndExecute(proposal);
    return dao.desk.read.commissionCount();
  };
  /** The editor publishes an article by authorA (60%) and authorB (30%) and returns its id. */
  const publishArticle = async () => {
    await dao.editions.write.publish([articleParams([authorA.account.address, authorB.account.address])]);
    return dao.editions.read.articleCount();
  };

  return {
    viem,
    networkHelpers,
    publicClient,
    settings,
    ...dao,
    accounts: { editor, alice, bob, carol, authorA, authorB, relayer, outsider },
    as,
    latest,
    commissionProposal,
    propose,
    openVoting,
    closeVoting,
    queueAndExecute,
    passCommission,
    publishArticle,
  };
}

/**
 * Opens one in-process chain for a test file and returns a loader that gives every test a fresh
 * copy of the governed publication, deployed by the same helper scripts use.
 */
export async function connectGovernance() {
  const connection = await network.create();
  const fixture = () => deployFixture(connection);
  return () => connection.networkHelpers.loadFixture(fixture);
}

export type Governance = Awaited<ReturnType<typeof deployFixture>>;
