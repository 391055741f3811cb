import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { encodeFunctionData, getAddress, parseEther, parseEventLogs } from "viem";
import { cidOfTopic } from "../../web/src/dao/commissionTopic.ts";
import { BOUNTY, CommissionStatus, connectGovernance, DURATIONS, ProposalState, TOPIC_CID, VOTE } from "../helpers/governanceFixture.ts";

const loadGovernance = await connectGovernance();

describe("CoverageGovernor: a proposal's life", () => {
  it("commissions coverage from a passed proposal and pays the bounty to the fulfilling article's authors", async () => {
    const g = await loadGovernance();
    const { editor, alice, bob, carol, authorA, authorB, relayer } = g.accounts;
    const proposal = await g.commissionProposal("# Busan Blockchain Week follow-up\n\nWho built what, a year on.");
    const proposalId = await g.propose(proposal);
    assert.equal(proposalId, 1n, "proposals are numbered from 1");
    assert.equal(await g.governor.read.proposalCount(), 1n, "and listed on chain");
    assert.equal(await g.governor.read.state([proposalId]), ProposalState.Pending);

    await g.openVoting(proposalId);
    await (await g.as(alice)).governor.write.castVote([proposalId, VOTE.for]);
    // Bob signs; the relayer pays. The reason travels with the signature and reaches the event
    // (empty params: OZ emits VoteCast rather than VoteCastWithParams).
    const reason = "Local coverage nobody else will fund.";
    const nonce = await g.governor.read.nonces([bob.account.address, proposalId]);
    const signature = await bob.signTypedData({
      domain: { name: await g.governor.read.name(), version: "1", chainId: 31337, verifyingContract: g.governor.address },
      types: {
        ExtendedBallot: [
          { name: "proposalId", type: "uint256" },
          { name: "support", type: "uint8" },
          { name: "voter", type: "address" },
          { name: "nonce", type: "uint256" },
          { name: "reason", type: "string" },
          { name: "params", type: "bytes" },
        ],
      },
      primaryType: "ExtendedBallot",
      message: { proposalId, support: VOTE.for, voter: bob.account.address, nonce, reason, params: "0x" },
    });
    const relayed = await (await g.as(relayer)).governor.write.castVoteWithReasonAndParamsBySig([
      proposalId,
      VOTE.for,
      bob.account.address,
      reason,
      "0x",
      signature,
    ]);
    const receipt = await g.publicClient.waitForTransactionReceipt({ hash: relayed });
    const [cast] = parseEventLogs({ abi: g.governor.abi, logs: receipt.logs, eventName: "VoteCast" });
    assert.deepEqual([cast.args.voter, cast.args.weight, cast.args.reason], [getAddress(bob.account.address), 3n, reason]);
    assert.equal(await g.governor.read.nonces([bob.account.address, proposalId]), nonce + 1n, "the signature is spent");
    await (await g.as(carol)).governor.write.castVote([proposalId, VOTE.abstain]);
    assert.deepEqual(await g.governor.read.proposalVotes([proposalId]), [0n, 6n, 3n]);

    await g.closeVoting(proposalId);
    assert.equal(await g.governor.read.state([proposalId]), ProposalState.Succeeded);
    const treasuryBefore = await g.publicClient.getBalance({ address: g.timelock.address });
    await g.queueAndExecute(proposal);
    assert.equal(await g.governor.read.state([proposalId]), ProposalState.Executed);
    assert.equal(await g.publicClient.getBalance({ address: g.timelock.address }), treasuryBefore - BOUNTY);
    assert.equal(await g.publicClient.getBalance({ address: g.desk.address }), BOUNTY);
    const [created] = await g.desk.getEvents.CommissionCreated();
    assert.deepEqual([created.args.commissionId, cidOfTopic(created.args.topic ?? "0x"), created.args.bounty], [1n, TOPIC_CID, BOUNTY]);

    const articleId = await g.publishArticle();
    await g.desk.write.fulfil([1n, articleId]);
    assert.equal((await g.desk.read.commissionOf([1n])).status, CommissionStatus.Fulfilled);
    await g.viem.assertions.revertWithCustomErrorWithArgs(g.desk.write.settle([1n]), g.desk, "CoverageDeskChallengeWindowOpen", [
      1n,
      Number((await g.latest()) + DURATIONS.challengeWindow),
    ]);
    await g.networkHelpers.time.increase(DURATIONS.challengeWindow);
    await (await g.as(carol)).desk.write.settle([1n]);

    // 60% and 30% of the price are the authors' shares: 2/3 and 1/3 of the bounty (no treasury cut).
    assert.equal(await g.desk.read.owed([authorA.account.address]), parseEther("1"));
    assert.equal(await g.desk.read.owed([authorB.account.address]), parseEther("0.5"));
    assert.deepEqual([await g.desk.read.escrowed(), await g.desk.read.totalOwed()], [0n, BOUNTY]);
    await g.networkHelpers.setBalance(authorA.account.address, 0n);
    await (await g.as(editor)).desk.write.withdraw([authorA.account.address]);
    assert.equal(await g.publicClient.getBalance({ address: authorA.account.address }), parseEther("1"));
    await (await g.as(authorB)).desk.write.withdraw([authorB.account.address]);
    assert.equal(await g.publicClient.getBalance({ address: g.desk.address }), 0n);
    assert.equal((await g.desk.read.commissionOf([1n])).status, CommissionStatus.Paid);
  });

  it("defeats a proposal that more members oppose, and will not queue it", async () => {
    const g = await loadGovernance();
    const { alice, bob, carol } = g.accounts;
    const proposal = await g.commissionProposal("Commission a listicle");
    const id = await g.propose(proposal);
    await g.openVoting(id);
    await (await g.as(alice)).governor.write.castVote([id, VOTE.for]);
    await (await g.as(bob)).governor.write.castVote([id, VOTE.against]);
    await (await g.as(carol)).governor.write.castVoteWithReason([id, VOTE.against, "Not our beat."]);
    await g.closeVoting(id);
    assert.equal(await g.governor.read.state([id]), ProposalState.Defeated);
    await g.viem.assertions.revertWithCustomError(
      g.governor.write.queue([proposal.targets, proposal.values, proposal.calldatas, proposal.descriptionHash]),
      g.governor,
      "GovernorUnexpectedProposalState",
    );
  });

  it("lets the guardian cancel a proposal even after it passed, and nobody else", async () => {
    const g = await loadGovernance();
    const { editor, alice, bob, outsider } = g.accounts;
    const proposal = await g.commissionProposal("A proposal the guardian stops");
    const id = await g.propose(proposal);
    await g.openVoting(id);
    for (const member of [alice, bob]) await (await g.as(member)).governor.write.castVote([id, VOTE.for]);
    await g.closeVoting(id);
    const cancelArgs = [proposal.targets, proposal.values, proposal.calldatas, proposal.descriptionHash] as const;
    await g.viem.assertions.revertWithCustomErrorWithArgs(
      (await g.as(outsider)).governor.write.cancel(cancelArgs),
      g.governor,
      "GovernorUnableToCancel",
      [id, getAddress(outsider.account.address)],
    );
    await g.governor.write.queue(cancelArgs);
    await (await g.as(editor)).governor.write.cancel(cancelArgs);
    assert.equal(await g.governor.read.state([id]), ProposalState.Canceled);
    await g.networkHelpers.time.increase(DURATIONS.timelockDelay);
    await g.viem.assertions.revertWithCustomError(g.governor.write.execute(cancelArgs), g.governor, "GovernorUnexpectedProposalState");
    assert.equal(await g.desk.read.commissionCount(), 0n);
  });

  it("needs the quorum floor when the fraction of three members floors to zero", async () => {
    const g = await loadGovernance();
    const { alice, bob } = g.accounts;
    const lonely = await g.commissionProposal("Backed by one member only");
    const id = await g.propose(lonely);
    await g.openVoting(id);
    const snapshot = await g.governor.read.proposalSnapshot([id]);
    assert.equal(await g.pass.read.getPastTotalSupply([snapshot]), 9n);
    assert.equal(await g.governor.read.quorum([snapshot]), 4n, "10% of 9 votes is 0; the floor is 4");
    await (await g.as(alice)).governor.write.castVote([id, VOTE.for]);
    await g.closeVoting(id);
    assert.equal(await g.governor.read.state([id]), ProposalState.Defeated, "3 votes for, none against, but under quorum");

    const backed = await g.commissionProposal("Backed by two members");
    const second = await g.propose(backed);
    await g.openVoting(second);
    await (await g.as(alice)).governor.write.castVote([second, VOTE.for]);
    await (await g.as(bob)).governor.write.castVote([second, VOTE.abstain]);
    await g.closeVoting(second);
    assert.equal(await g.governor.read.state([second]), ProposalState.Succeeded, "abstentions count toward quorum");
  });

  it("changes the quorum floor only through governance, for proposals made afterwards", async () => {
    const g = await loadGovernance();
    const { alice, bob } = g.accounts;
    await g.viem.assertions.revertWithCustomError(g.governor.write.setQuorumFloor([1n]), g.governor, "GovernorOnlyExecutor");
    const description = "Lower the quorum floor to 2";
    const calldata = encodeFunctionData({ abi: g.governor.abi, functionName: "setQuorumFloor", args: [2n] });
    const proposal = { ...(await g.commissionProposal(description)), targets: [g.governor.address], values: [0n], calldatas: [calldata] };
    const id = await g.propose(proposal);
    await g.openVoting(id);
    for (const member of [alice, bob]) await (await g.as(member)).governor.write.castVote([id, VOTE.for]);
    await g.closeVoting(id);
    const snapshot = await g.governor.read.proposalSnapshot([id]);
    await g.viem.assertions.emitWithArgs(g.queueAndExecute(proposal), g.governor, "QuorumFloorUpdated", [4n, 2n]);
    assert.equal(await g.governor.read.quorumFloor(), 2n);
    assert.equal(await g.governor.read.quorum([snapshot]), 4n, "a past snapshot keeps the floor it had");
  });
});
