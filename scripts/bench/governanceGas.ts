// The coverage DAO's steps for `npm run bench:gas`: each step of one commission proposal's life on
// CoverageGovernor beside the same step on a plain OpenZeppelin Governor + timelock voting with the
// same passes, then the desk's own steps. Each governor first runs one whole cycle, so the measured
// second one pays what production pays once proposals, commissions and checkpoints exist.
import type { HardhatViemHelpers } from "@nomicfoundation/hardhat-viem/types";
import type { NetworkHelpers } from "@nomicfoundation/hardhat-network-helpers/types";
import { type Address, encodeFunctionData, type Hash, keccak256, parseEther, toHex } from "viem";
import { coverageDeskAbi } from "../../web/src/generated/contracts.ts";
import { deployGovernedPublication } from "../deploy/deployGovernedPublication.ts";
import { SAMPLE_TIERS } from "../seed/sampleTiers.ts";

type Wallet = Awaited<ReturnType<HardhatViemHelpers["getWalletClients"]>>[number];
export interface Measured {
  gas: number;
  baseline: number | null;
  baselineName: string;
}

const DELAY = 60;
const PERIOD = 300;
const TIMELOCK_DELAY = 60n;
const CHALLENGE_WINDOW = 300n;
const BOUNTY = parseEther("0.5");
const TOPIC = "QmYwAPJzv5CZsnA625s3Xf2nemtYgPpHdWEz79ojWnPbdG";

/**
 * `members` (four founding members of 3 votes each, quorum floor 4) and `author` are wallets no
 * other benchmark step touches. The votes are, in order: the first (below quorum, so it computes
 * quorum), the one that reaches quorum (PreventLateQuorum records the extended deadline), then a
 * direct and a signed vote once quorum stands: what most votes of a live proposal cost.
 */
export async function measureGovernance(
  viem: HardhatViemHelpers,
  time: NetworkHelpers["time"],
  members: readonly [Wallet, Wallet, Wallet, Wallet],
  author: Wallet,
): Promise<Record<string, Measured>> {
  const publicClient = await viem.getPublicClient();
  const [deployer] = await viem.getWalletClients();
  const relayer = deployer;
  const gasOf = async (hash: Promise<Hash>) => {
    const receipt = await publicClient.waitForTransactionReceipt({ hash: await hash });
    if (receipt.status !== "success") throw new Error(`reverted: ${receipt.transactionHash}`);
    return Number(receipt.gasUsed);
  };

  const dao = await deployGovernedPublication(
    viem,
    { passReferralBps: 1_000, passRoyaltyBps: 500n, passContractURI: "", editionsContractURI: "" },
    {
      governor: {
        votingDelay: DELAY,
        votingPeriod: PERIOD,
        proposalThreshold: 1n,
        quorumNumerator: 10n,
        quorumFloor: 4n,
        lateQuorumExtension: 60,
        proposalGuardian: deployer.account.address,
      },
      timelockDelay: TIMELOCK_DELAY,
      challengeWindow: CHALLENGE_WINDOW,
      tiers: SAMPLE_TIERS,
      foundingTier: 3,
      foundingMembers: members.map((m) => m.account.address),
      publishers: [deployer.account.address],
      managers: [deployer.account.address],
    },
  );
  await gasOf(dao.pass.write.withdraw([dao.timelock.address]));

  // The plain governor: OZ's wizard module set, its own timelock and desk, the same passes.
  const plainTimelock = await viem.deployContract("TimelockController", [TIMELOCK_DELAY, [], [], deployer.account.address]);
  const plainGovernor = await viem.deployContract("BaselineGovernor", [dao.pass.address, plainTimelock.address, DELAY, PERIOD]);
  const plainDesk = await viem.deployContract("CoverageDesk", [
    plainTimelock.address,
    dao.governor.address,
    dao.editions.address,
    CHALLENGE_WINDOW,
  ]);
  for (const role of ["PROPOSER_ROLE", "CANCELLER_ROLE", "EXECUTOR_ROLE"]) {
    await gasOf(plainTimelock.write.grantRole([keccak256(toHex(role)), plainGovernor.address]));
  }
  await gasOf(deployer.sendTransaction({ to: plainTimelock.address, value: parseEther("2") }));

  const ballotTypes = {
    Ballot: [
      { name: "proposalId", type: "uint256" },
      { name: "support", type: "uint8" },
      { name: "voter", type: "address" },
      { name: "nonce", type: "uint256" },
    ],
  } as const;

  /** One commission proposal's life on `governorAddress`; returns the gas of each step. */
  async function cycle(kind: "CoverageGovernor" | "BaselineGovernor", governorAddress: Address, desk: Address, round: number) {
    const as = (wallet: Wallet) => viem.getContractAt(kind as "CoverageGovernor", governorAddress, { client: { wallet } });
    const governor = await as(deployer);
    const deadline = Number((await publicClient.getBlock()).timestamp) + 30 * 86_400;
    const calldata = encodeFunctionData({ abi: coverageDeskAbi, functionName: "commission", args: [TOPIC, BOUNTY, deadline] });
    const description = `# Busan Blockchain Week follow-up (${round})\n\nWho built what a year on, and who left.`;
    const args = [[desk], [BOUNTY], [calldata]] as const;
    const descriptionHash = keccak256(toHex(description));

    const propose = await gasOf((await as(members[0])).write.propose([...args, description]));
    const [created] = await governor.getEvents.ProposalCreated({ fromBlock: await publicClient.getBlockNumber() });
    const proposalId = created.args.proposalId as bigint;
    await time.increase(DELAY + 1);
    const castVoteFirst = await gasOf((await as(members[0])).write.castVote([proposalId, 1]));
    const castVoteReachingQuorum = await gasOf((await as(members[1])).write.castVote([proposalId, 1]));
    const castVote = await gasOf((await as(members[2])).write.castVote([proposalId, 1]));
    const signer = members[3];
    // Both answer OZ's `nonces(address)`; CoverageGovernor's ballots use the proposal's own key.
    const nonces = await viem.getContractAt("CoverageGovernor", governorAddress);
    const nonce =
      kind === "CoverageGovernor"
        ? await nonces.read.nonces([signer.account.address, proposalId])
        : await nonces.read.nonces([signer.account.address]);
    const signature = await signer.signTypedData({
      domain: {
        name: await governor.read.name(),
        version: "1",
        chainId: await publicClient.getChainId(),
        verifyingContract: governorAddress,
      },
      types: ballotTypes,
      primaryType: "Ballot",
      message: { proposalId, support: 1, voter: signer.account.address, nonce },
    });
    const castVoteBySig = await gasOf((await as(relayer)).write.castVoteBySig([proposalId, 1, signer.account.address, signature]));
    await time.increase(PERIOD + 120);
    const queue = await gasOf(governor.write.queue([...args, descriptionHash]));
    await time.increase(Number(TIMELOCK_DELAY) + 1);
    const execute = await gasOf(governor.write.execute([...args, descriptionHash]));
    return { propose, castVoteFirst, castVoteReachingQuorum, castVote, castVoteBySig, queue, execute };
  }

  /** The desk's own steps on a commission just made: fulfil, settle, an author's withdrawal. */
  async function deskSteps(deskAddress: Address) {
    const desk = await viem.getContractAt("CoverageDesk", deskAddress);
    const commissionId = await desk.read.commissionCount();
    await gasOf(
      dao.editions.write.publish([
        {
          uri: "ipfs://QmYwAPJzv5CZsnA625s3Xf2nemtYgPpHdWEz79ojWnPbdG",
          price: 1_000_000_000_000_000n,
          maxSupply: 1_000,
          saleStart: 0,
          saleEnd: 0,
          walletCap: 10,
          premiumLevel: 1,
          royaltyReceiver: author.account.address,
          royaltyBps: 500n,
          authors: [
            { account: author.account.address, shareBps: 6_000 },
            { account: relayer.account.address, shareBps: 3_000 },
          ],
          treasuryBps: 1_000,
          referralBps: 1_000,
        },
      ]),
    );
    const fulfil = await gasOf(desk.write.fulfil([commissionId, await dao.editions.read.articleCount()]));
    await time.increase(Number(CHALLENGE_WINDOW));
    const settle = await gasOf(desk.write.settle([commissionId]));
    const withdraw = await gasOf(desk.write.withdraw([author.account.address]));
    return { fulfil, settle, withdraw };
  }

  let ours = await cycle("CoverageGovernor", dao.governor.address, dao.desk.address, 1);
  let plain = await cycle("BaselineGovernor", plainGovernor.address, plainDesk.address, 1);
  await deskSteps(dao.desk.address);
  ours = await cycle("CoverageGovernor", dao.governor.address, dao.desk.address, 2);
  plain = await cycle("BaselineGovernor", plainGovernor.address, plainDesk.address, 2);
  const desk = await deskSteps(dao.desk.address);

  const plainName = (step: string) => `plain OpenZeppelin Governor + TimelockController (wizard modules): ${step}`;
  const noBaseline = (step: string) => ({ baseline: null, baselineName: `none: the desk's own step (${step})` });
  return {
    propose: { gas: ours.propose, baseline: plain.propose, baselineName: plainName("propose one commission") },
    cast_vote_first: { gas: ours.castVoteFirst, baseline: plain.castVoteFirst, baselineName: plainName("a proposal's first castVote") },
    cast_vote_reaching_quorum: {
      gas: ours.castVoteReachingQuorum,
      baseline: plain.castVoteReachingQuorum,
      baselineName: plainName("the castVote that reaches quorum"),
    },
    cast_vote: { gas: ours.castVote, baseline: plain.castVote, baselineName: plainName("a castVote once quorum stands") },
    cast_vote_by_sig: {
      gas: ours.castVoteBySig,
      baseline: plain.castVoteBySig,
      baselineName: plainName("castVoteBySig once quorum stands, sent by a relayer"),
    },
    queue: { gas: ours.queue, baseline: plain.queue, baselineName: plainName("queue in the timelock") },
    execute_commission: {
      gas: ours.execute,
      baseline: plain.execute,
      baselineName: plainName("execute: the timelock commissions with the bounty"),
    },
    fulfill_commission: { gas: desk.fulfil, ...noBaseline("an editor links an article") },
    settle_commission: { gas: desk.settle, ...noBaseline("credit two authors after the challenge window") },
    withdraw_bounty: { gas: desk.withdraw, ...noBaseline("an author's first withdrawal, paid in ETH") },
  };
}
