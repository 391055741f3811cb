// The coverage DAO's steps for `npm run bench:gas`: each step of one commission proposal's life on
// CoverageGovernor beside the same step, same proposal, on a plain OpenZeppelin Governor with the
// same ten modules (the baseline), then the desk's own steps. The notes say what each figure is
// made of, from governors measured in the same run: the same set without GovernorStorage, without
// PreventLateQuorum, OZ's five-module wizard set, and the same set proposing a minimal action.
// Each governor first runs one whole cycle, so the measured second one pays what production pays
// once proposals, commissions and checkpoints exist.
import type { HardhatViemHelpers } from "@nomicfoundation/hardhat-viem/types";
import type { NetworkHelpers } from "@nomicfoundation/hardhat-network-helpers/types";
import { type Address, encodeFunctionData, type Hash, keccak256, parseEther, toHex } from "viem";
import { topicOfCid } from "../../web/src/dao/commissionTopic.ts";
import { proposalDescription } from "../../web/src/dao/proposalDescription.ts";
import { coverageDeskAbi, timelockControllerAbi } from "../../web/src/generated/contracts.ts";
import { deployGovernedPublication } from "../deploy/deployGovernedPublication.ts";
import { SAMPLE_TIERS } from "../seed/sampleTiers.ts";

type Wallet = Awaited<ReturnType<HardhatViemHelpers["getWalletClients"]>>[number];
export interface Measured {
  gas: number;
  baseline: number | null;
  baselineName: string;
  /** What the difference from the baseline, or from the reference, is made of (measured in the same run). */
  notes: string[];
}
type PlainKind = "BaselineModulesGovernor" | "BaselineGovernorWithoutStorage" | "BaselineGovernorWithoutLateQuorum" | "BaselineGovernor";
interface Governed {
  kind: PlainKind | "CoverageGovernor";
  governor: Address;
  timelock: Address;
  desk: Address;
}
type Step = "propose" | "castVoteFirst" | "castVoteReachingQuorum" | "castVote" | "castVoteBySig" | "queue" | "execute";

const DELAY = 60;
const PERIOD = 300;
const TIMELOCK_DELAY = 60n;
const CHALLENGE_WINDOW = 300n;
const BOUNTY = parseEther("0.5");
const DESCRIPTION_CID = "QmYwAPJzv5CZsnA625s3Xf2nemtYgPpHdWEz79ojWnPbdG";
/** The dApp commissions the proposal's own Markdown as the topic. */
const TOPIC = topicOfCid(DESCRIPTION_CID);

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

  /** A plain OpenZeppelin governor voting with the same passes, with its own funded timelock and desk. */
  async function plainGovernor(kind: PlainKind, extraArgs: readonly (bigint | number)[]) {
    const timelock = await viem.deployContract("TimelockController", [TIMELOCK_DELAY, [], [], deployer.account.address]);
    const governor = await viem.deployContract(kind as "BaselineModulesGovernor", [
      dao.pass.address,
      timelock.address,
      DELAY,
      PERIOD,
      ...(extraArgs as [bigint, number]),
    ]);
    const desk = await viem.deployContract("CoverageDesk", [
      timelock.address,
      dao.governor.address,
      dao.editions.address,
      CHALLENGE_WINDOW,
    ]);
    for (const role of ["PROPOSER_ROLE", "CANCELLER_ROLE", "EXECUTOR_ROLE"]) {
      await gasOf(timelock.write.grantRole([keccak256(toHex(role)), governor.address]));
    }
    await gasOf(deployer.sendTransaction({ to: timelock.address, value: parseEther("2") }));
    return { kind, governor: governor.address, timelock: timelock.address, desk: desk.address };
  }
  // The same ten modules as CoverageGovernor, quorum 40% of the 12 votes (4, like our floor), so
  // the same vote reaches quorum; then that set without one module; then OZ's wizard set.
  const modules = await plainGovernor("BaselineModulesGovernor", [40n, 60]);
  const withoutStorage = await plainGovernor("BaselineGovernorWithoutStorage", [40n, 60]);
  const withoutLateQuorum = await plainGovernor("BaselineGovernorWithoutLateQuorum", [40n]);
  const wizard = await plainGovernor("BaselineGovernor", []);

  const ballotTypes = {
    Ballot: [
      { name: "proposalId", type: "uint256" },
      { name: "support", type: "uint8" },
      { name: "voter", type: "address" },
      { name: "nonce", type: "uint256" },
    ],
  } as const;

  /** The proposal's one action: commission coverage from `desk` (or, to measure what that action
   * costs, a zero-value call with one argument: the timelock setting its own delay to what it is). */
  async function actionOf(on: Governed, minimal: boolean) {
    if (minimal) {
      const calldata = encodeFunctionData({ abi: timelockControllerAbi, functionName: "updateDelay", args: [TIMELOCK_DELAY] });
      return [[on.timelock], [0n], [calldata]] as const;
    }
    const deadline = Number((await publicClient.getBlock()).timestamp) + 30 * 86_400;
    const calldata = encodeFunctionData({ abi: coverageDeskAbi, functionName: "commission", args: [TOPIC, BOUNTY, deadline] });
    return [[on.desk], [BOUNTY], [calldata]] as const;
  }

  /** One proposal's life on a governor, the same description on every one; returns the gas of each step. */
  async function cycle(on: Governed, round: number, minimal = false) {
    const { kind, governor: governorAddress } = on;
    const as = (wallet: Wallet) => viem.getContractAt(kind as "CoverageGovernor", governorAddress, { client: { wallet } });
    const governor = await as(deployer);
    // What the dApp proposes: the title, then the IPFS address of the Markdown (proposalDescription.ts).
    const description = proposalDescription(`Busan Blockchain Week follow-up (${round})`, DESCRIPTION_CID);
    const args = await actionOf(on, minimal);
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
      kind !== "BaselineGovernor"
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
    const steps: Record<Step, number> = { propose, castVoteFirst, castVoteReachingQuorum, castVote, castVoteBySig, queue, execute };
    return steps;
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

  const ours: Governed = {
    kind: "CoverageGovernor",
    governor: dao.governor.address,
    timelock: dao.timelock.address,
    desk: dao.desk.address,
  };
  const everyGovernor = [ours, modules, withoutStorage, withoutLateQuorum, wizard];
  for (const on of everyGovernor) await cycle(on, 1);
  await cycle(modules, 1, true);
  await deskSteps(dao.desk.address);
  const [o, m, noStorage, noLateQuorum, w] = await serially(everyGovernor.map((on) => () => cycle(on, 2)));
  const minimal = await cycle(modules, 2, true);
  const desk = await deskSteps(dao.desk.address);

  const fmt = (n: number) => n.toLocaleString("en-US");
  const signed = (n: number) => `${n >= 0 ? "+" : ""}${fmt(n)}`;
  const same = (step: string) => `OpenZeppelin Governor, CoverageGovernor's ten modules without the quorum floor, same proposal: ${step}`;
  const wizardNote = (step: Step) =>
    `OZ wizard's five modules (no Storage, LateQuorum, Guardian, SequentialId, NoncesKeyed): ${fmt(w[step])}`;
  const floorNote = (step: Step) =>
    `ours ${signed(o[step] - m[step])}: the quorum floor and the fraction's numerator share one packed slot (OZ reads the numerator's checkpoints), and a tally under the floor skips the votes-supply lookup`;
  const lateQuorumNote = (step: Step) =>
    `GovernorPreventLateQuorum (issue's module set) costs ${fmt(m[step] - noLateQuorum[step])} here: without it ${fmt(noLateQuorum[step])}`;
  const actionNote = (step: Step) =>
    `the commission action itself (ETH value, 3 words of arguments) costs ${fmt(m[step] - minimal[step])} over a zero-value one-argument call (${fmt(minimal[step])} on the same modules)`;
  const noBaseline = (step: string) => ({ baseline: null, baselineName: `none: the desk's own step (${step})`, notes: [] });
  return {
    propose: {
      gas: o.propose,
      baseline: m.propose,
      baselineName: same("propose one commission"),
      notes: [
        `GovernorStorage (issue's module set: proposals enumerable on chain) stores the action at 22,100 gas a word: ${fmt(m.propose - noStorage.propose)}; without it ${fmt(noStorage.propose)}`,
        actionNote("propose"),
        wizardNote("propose"),
      ],
    },
    cast_vote_first: {
      gas: o.castVoteFirst,
      baseline: m.castVoteFirst,
      baselineName: same("a proposal's first castVote (below quorum)"),
      notes: [lateQuorumNote("castVoteFirst"), floorNote("castVoteFirst"), wizardNote("castVoteFirst")],
    },
    cast_vote_reaching_quorum: {
      gas: o.castVoteReachingQuorum,
      baseline: m.castVoteReachingQuorum,
      baselineName: same("the castVote that reaches quorum (PreventLateQuorum records the deadline)"),
      notes: [lateQuorumNote("castVoteReachingQuorum"), floorNote("castVoteReachingQuorum"), wizardNote("castVoteReachingQuorum")],
    },
    cast_vote: {
      gas: o.castVote,
      baseline: m.castVote,
      baselineName: same("a castVote once quorum stands"),
      notes: [wizardNote("castVote")],
    },
    cast_vote_by_sig: {
      gas: o.castVoteBySig,
      baseline: m.castVoteBySig,
      baselineName: same("castVoteBySig once quorum stands, sent by a relayer"),
      notes: [
        `${wizardNote("castVoteBySig")}, where the voter's one nonce was already written (NoncesKeyed writes a new one per proposal)`,
      ],
    },
    queue: {
      gas: o.queue,
      baseline: m.queue,
      baselineName: same("queue in the timelock"),
      notes: [floorNote("queue"), actionNote("queue"), wizardNote("queue")],
    },
    execute_commission: {
      gas: o.execute,
      baseline: m.execute,
      baselineName: same("execute: the timelock commissions with the bounty"),
      notes: [floorNote("execute"), actionNote("execute"), wizardNote("execute")],
    },
    fulfill_commission: {
      gas: desk.fulfil,
      ...noBaseline("an editor links an article"),
      notes: [
        "reads the editor's publisher role and the article's authors from ArticleEditions (authorsOf), updates the commission's one slot",
      ],
    },
    settle_commission: {
      gas: desk.settle,
      ...noBaseline("credit two authors after the challenge window"),
      notes: ["one new slot per author credited for the first time (22,100 each), the commission's slot and the desk's totals"],
    },
    withdraw_bounty: {
      gas: desk.withdraw,
      ...noBaseline("an author's first withdrawal, paid in ETH"),
      notes: ["clears the author's slot (a refund), updates the totals, sends ETH"],
    },
  };
}

/** Runs `tasks` one after another (each sends transactions and moves chain time). */
async function serially<T>(tasks: (() => Promise<T>)[]) {
  const results: T[] = [];
  for (const task of tasks) results.push(await task());
  return results;
}
