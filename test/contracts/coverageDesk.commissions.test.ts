import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { getAddress, parseEther, zeroHash } from "viem";
import { articleParams } from "../helpers/publicationFixture.ts";
import { BOUNTY, CommissionStatus, connectGovernance, DURATIONS, type Governance, TOPIC } from "../helpers/governanceFixture.ts";

const loadGovernance = await connectGovernance();

/** The desk as the timelock sees it: the one caller allowed to commission. */
async function asTimelock(g: Governance) {
  await g.networkHelpers.impersonateAccount(g.timelock.address);
  const wallet = await g.viem.getWalletClient(g.timelock.address);
  return g.viem.getContractAt("CoverageDesk", g.desk.address, { client: { wallet } });
}

/** A commission made straight from the timelock, due in a day; returns its id and deadline. */
async function commission(g: Governance, bounty = BOUNTY) {
  const deadline = (await g.latest()) + 86_400n;
  await (await asTimelock(g)).write.commission([TOPIC, bounty, Number(deadline)], { value: bounty });
  return { id: await g.desk.read.commissionCount(), deadline };
}

describe("CoverageDesk: commissions", () => {
  it("returns an unfulfilled commission's bounty to the timelock after its deadline, at anyone's call", async () => {
    const g = await loadGovernance();
    const { id, deadline } = await commission(g);
    await g.viem.assertions.revertWithCustomErrorWithArgs(g.desk.write.expire([id]), g.desk, "CoverageDeskDeadlineNotReached", [
      id,
      Number(deadline),
    ]);
    await g.networkHelpers.time.increaseTo(deadline);
    const treasury = await g.publicClient.getBalance({ address: g.timelock.address });
    await g.viem.assertions.emitWithArgs((await g.as(g.accounts.outsider)).desk.write.expire([id]), g.desk, "CommissionExpired", [
      id,
      BOUNTY,
    ]);
    assert.equal(await g.publicClient.getBalance({ address: g.timelock.address }), treasury + BOUNTY);
    assert.equal(await g.publicClient.getBalance({ address: g.desk.address }), 0n);
    assert.equal((await g.desk.read.commissionOf([id])).status, CommissionStatus.Expired);
    const articleId = await g.publishArticle();
    await g.viem.assertions.revertWithCustomErrorWithArgs(g.desk.write.fulfil([id, articleId]), g.desk, "CoverageDeskUnexpectedStatus", [
      id,
      CommissionStatus.Expired,
      CommissionStatus.Open,
    ]);
  });

  it("refunds a commission made by a passed proposal the same way", async () => {
    const g = await loadGovernance();
    const proposal = await g.commissionProposal("Coverage nobody delivers", BOUNTY, (await g.latest()) + 3_600n);
    const id = await g.passCommission(proposal);
    const treasury = await g.publicClient.getBalance({ address: g.timelock.address });
    await g.networkHelpers.time.increaseTo(proposal.deadline);
    await g.desk.write.expire([id]);
    assert.equal(await g.publicClient.getBalance({ address: g.timelock.address }), treasury + BOUNTY);
  });

  it("reopens a commission whose fulfilment the guardian rejects, and pays the next article's authors", async () => {
    const g = await loadGovernance();
    const { editor, outsider, authorA, authorB } = g.accounts;
    const { id } = await commission(g);
    const offTopic = await g.publishArticle();
    await g.desk.write.fulfil([id, offTopic]);
    await g.viem.assertions.revertWithCustomErrorWithArgs(
      (await g.as(outsider)).desk.write.reject([id]),
      g.desk,
      "CoverageDeskNotChallenger",
      [getAddress(outsider.account.address)],
    );
    await g.viem.assertions.emitWithArgs((await g.as(editor)).desk.write.reject([id]), g.desk, "FulfilmentRejected", [
      id,
      offTopic,
      getAddress(editor.account.address),
    ]);
    assert.equal((await g.desk.read.commissionOf([id])).status, CommissionStatus.Open);

    // A second article by one author alone: the whole bounty is theirs, whatever the treasury's share.
    await g.editions.write.publish([
      articleParams([authorB.account.address, authorA.account.address], {
        authors: [{ account: authorB.account.address, shareBps: 2_500 }],
        treasuryBps: 7_500,
      }),
    ]);
    const onTopic = await g.editions.read.articleCount();
    await g.desk.write.fulfil([id, onTopic]);
    await g.networkHelpers.time.increase(DURATIONS.challengeWindow);
    await g.viem.assertions.revertWithCustomError((await asTimelock(g)).write.reject([id]), g.desk, "CoverageDeskChallengeWindowClosed");
    await g.desk.write.settle([id]);
    assert.equal(await g.desk.read.owed([authorB.account.address]), BOUNTY);
    assert.equal(await g.desk.read.owed([authorA.account.address]), 0n);
  });

  it("lets governance (the timelock) reject a fulfilment too", async () => {
    const g = await loadGovernance();
    const { id } = await commission(g);
    await g.desk.write.fulfil([id, await g.publishArticle()]);
    await (await asTimelock(g)).write.reject([id]);
    assert.equal((await g.desk.read.commissionOf([id])).status, CommissionStatus.Open);
  });

  it("splits an odd bounty by the authors' shares, the first author taking the remainder", async () => {
    const g = await loadGovernance();
    const { authorA, authorB } = g.accounts;
    const bounty = 1_000_000_000_000_000_007n;
    const { id } = await commission(g, bounty);
    await g.desk.write.fulfil([id, await g.publishArticle()]);
    await g.networkHelpers.time.increase(DURATIONS.challengeWindow);
    await g.desk.write.settle([id]);
    const toB = (bounty * 3_000n) / 9_000n;
    assert.equal(await g.desk.read.owed([authorB.account.address]), toB);
    assert.equal(await g.desk.read.owed([authorA.account.address]), bounty - toB);
    assert.equal(await g.desk.read.totalOwed(), await g.publicClient.getBalance({ address: g.desk.address }));
  });

  it("takes commissions from the timelock only, with the bounty both named and sent", async () => {
    const g = await loadGovernance();
    const { alice } = g.accounts;
    const deadline = Number((await g.latest()) + 86_400n);
    await g.viem.assertions.revertWithCustomErrorWithArgs(
      (await g.as(alice)).desk.write.commission([TOPIC, BOUNTY, deadline], { value: BOUNTY }),
      g.desk,
      "CoverageDeskOnlyTimelock",
      [getAddress(alice.account.address)],
    );
    const desk = await asTimelock(g);
    await g.viem.assertions.revertWithCustomErrorWithArgs(
      desk.write.commission([TOPIC, BOUNTY, deadline], { value: parseEther("1") }),
      g.desk,
      "CoverageDeskInvalidBounty",
      [parseEther("1")],
    );
    await g.viem.assertions.revertWithCustomError(
      desk.write.commission([zeroHash, BOUNTY, deadline], { value: BOUNTY }),
      g.desk,
      "CoverageDeskEmptyTopic",
    );
    await g.viem.assertions.revertWithCustomError(
      desk.write.commission([TOPIC, BOUNTY, Number(await g.latest())], { value: BOUNTY }),
      g.desk,
      "CoverageDeskInvalidDeadline",
    );
  });

  it("accepts fulfilment only from a publisher, with an article published after the commission", async () => {
    const g = await loadGovernance();
    const { outsider } = g.accounts;
    const before = await g.publishArticle();
    const { id, deadline } = await commission(g);
    await g.viem.assertions.revertWithCustomErrorWithArgs(
      (await g.as(outsider)).desk.write.fulfil([id, before]),
      g.desk,
      "CoverageDeskNotEditor",
      [getAddress(outsider.account.address)],
    );
    await g.viem.assertions.revertWithCustomErrorWithArgs(g.desk.write.fulfil([id, before]), g.desk, "CoverageDeskIneligibleArticle", [
      id,
      before,
      before + 1n,
    ]);
    await g.viem.assertions.revertWithCustomErrorWithArgs(g.desk.write.fulfil([id, before + 1n]), g.desk, "CoverageDeskIneligibleArticle", [
      id,
      before + 1n,
      before + 1n,
    ]);
    await g.editions.write.publish([
      articleParams([g.accounts.authorA.account.address, g.accounts.authorB.account.address], { authors: [], treasuryBps: 10_000 }),
    ]);
    await g.viem.assertions.revertWithCustomErrorWithArgs(
      g.desk.write.fulfil([id, before + 1n]),
      g.desk,
      "CoverageDeskArticleWithoutAuthors",
      [before + 1n],
    );
    const article = await g.publishArticle();
    await g.networkHelpers.time.increaseTo(deadline);
    await g.viem.assertions.revertWithCustomErrorWithArgs(g.desk.write.fulfil([id, article]), g.desk, "CoverageDeskPastDeadline", [
      id,
      Number(deadline),
    ]);
    await g.viem.assertions.revertWithCustomErrorWithArgs(
      g.desk.write.withdraw([outsider.account.address]),
      g.desk,
      "CoverageDeskNothingOwed",
      [getAddress(outsider.account.address)],
    );
    await g.viem.assertions.revertWithCustomErrorWithArgs(g.desk.read.commissionOf([99n]), g.desk, "CoverageDeskUnknownCommission", [99n]);
  });
});
