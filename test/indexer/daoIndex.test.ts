import { encodeFunctionData, keccak256, parseEther, toHex } from "viem";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { topicOfCid } from "../../web/src/dao/commissionTopic.ts";
import { proposalDescription } from "../../web/src/dao/proposalDescription.ts";
import { coverageDeskAbi } from "../../web/src/generated/contracts.ts";
import type { AuthorBounties, CommissionRecord, ProposalDetail, ProposalSummary } from "../../web/src/indexer/daoTypes.ts";
import { type IndexerStack, publishParams, sampleMetadata, startIndexerStack } from "../helpers/indexerStack.ts";

// The coverage DAO in the index, against anvil and `ponder start`: a proposal's whole life (its
// actions, votes with their reasons, queue with eta, execution and the commission it created,
// fulfilment by an article, payment and the authors' withdrawal), a defeated one and a canceled one.

let stack: IndexerStack;
beforeAll(async () => {
  stack = await startIndexerStack({}, { governed: true });
}, 180_000);
afterAll(async () => stack?.stop());

const get = async <T>(path: string) => (await (await fetch(`${stack.indexerUrl}${path}`)).json()) as T;

describe("the coverage DAO in the index", () => {
  it("follows proposals, votes with reasons, commissions and bounty withdrawals", async () => {
    const { governor, timelock, desk } = stack.dao!;
    const [editor, alice, bob, authorA, authorB] = stack.wallets;
    const test = await stack.viem.getTestClient();
    const advance = async (seconds: number | bigint) => {
      await test.increaseTime({ seconds: Number(seconds) });
      await test.mine({ blocks: 1 });
    };
    const as = (wallet: typeof editor) => stack.viem.getContractAt("CoverageGovernor", governor.address, { client: { wallet: wallet! } });
    // The founding passes' price is the treasury's: send it on to the timelock.
    await stack.confirm(await stack.pass.write.withdraw([timelock.address]));

    const { timestamp } = await stack.publicClient.getBlock();
    const deadline = Number(timestamp) + 30 * 86_400;
    const topicCid = "QmYwAPJzv5CZsnA625s3Xf2nemtYgPpHdWEz79ojWnPbdG";
    const propose = async (title: string, bounty: bigint) => {
      const calldata = encodeFunctionData({
        abi: coverageDeskAbi,
        functionName: "commission",
        args: [topicOfCid(topicCid), bounty, deadline],
      });
      const description = proposalDescription(title, topicCid);
      await stack.confirm(await (await as(alice)).write.propose([[desk.address], [bounty], [calldata], description]));
      return { id: await governor.read.proposalCount(), calldata, descriptionHash: keccak256(toHex(description)) };
    };
    const funded = await propose("Busan Blockchain Week follow-up", parseEther("1.5"));
    const defeated = await propose("Exchange listing rumours", parseEther("0.1"));
    const canceled = await propose("A story the guardian stops", parseEther("0.1"));
    await stack.confirm(await (await as(editor)).write.cancel([canceled.id])); // the guardian (#0)

    await advance((await governor.read.votingDelay()) + 1n);
    await stack.confirm(await (await as(editor)).write.castVoteWithReason([funded.id, 1, "The newsroom can deliver this."]));
    await stack.confirm(await (await as(alice)).write.castVote([funded.id, 2]));
    await stack.confirm(await (await as(bob)).write.castVoteWithReason([defeated.id, 0, "Rumours are not reporting."]));
    await advance((await governor.read.votingPeriod()) + 1n);
    await stack.confirm(await (await as(bob)).write.queue([funded.id]));
    await advance((await timelock.read.getMinDelay()) + 1n);
    await stack.confirm(await (await as(bob)).write.execute([funded.id]));

    // The newsroom publishes the story after the commission and the editor links it.
    const uri = `ipfs://${await stack.metadataCid(sampleMetadata({ title: "Busan, one month on", slug: "busan-one-month-on" }))}`;
    const authors = [authorA!.account.address, authorB!.account.address] as const;
    await stack.confirm(await stack.editions.write.publish([publishParams(uri, authors)], { account: editor!.account }));
    const articleId = await stack.editions.read.articleCount();
    const deskAs = await stack.viem.getContractAt("CoverageDesk", desk.address, { client: { wallet: editor! } });
    await stack.confirm(await deskAs.write.fulfil([1n, articleId]));
    await stack.indexed();
    expect((await get<CommissionRecord[]>("/dao/commissions/open")).map((c) => [c.id, c.status, c.articleId])).toEqual([
      ["1", "fulfilled", articleId.toString()],
    ]);
    await advance((await desk.read.challengeWindow()) + 1n);
    await stack.confirm(await deskAs.write.settle([1n]));
    await stack.confirm(await deskAs.write.withdraw([authorA!.account.address]));
    await stack.indexed();

    const list = await get<ProposalSummary[]>("/dao/proposals");
    expect(list.map((p) => [p.id, p.title])).toEqual([
      [canceled.id.toString(), "A story the guardian stops"],
      [defeated.id.toString(), "Exchange listing rumours"],
      [funded.id.toString(), "Busan Blockchain Week follow-up"],
    ]);
    expect(list[0].canceledAt).not.toBeNull();
    expect(list[1].queuedAt).toBeNull();

    const detail = await get<ProposalDetail>(`/dao/proposals/${funded.id}`);
    expect(detail.proposer).toBe(alice!.account.address.toLowerCase());
    expect(detail.descriptionCid).toBe(topicCid);
    expect(detail.actions).toEqual([
      { target: desk.address.toLowerCase(), value: parseEther("1.5").toString(), calldata: funded.calldata },
    ]);
    expect(BigInt(detail.voteEnd)).toBe(await governor.read.proposalDeadline([funded.id]));
    expect(detail.eta).toBe((await governor.read.proposalEta([funded.id])).toString());
    expect(detail.executedAt).not.toBeNull();
    expect(detail.votes.map((v) => [v.voter, v.support, v.weight, v.reason])).toEqual([
      [alice!.account.address.toLowerCase(), 2, "3", ""],
      [editor!.account.address.toLowerCase(), 1, "3", "The newsroom can deliver this."],
    ]);
    expect(detail.commissions.map((c) => [c.id, c.proposalId, c.status, c.articleId, c.bounty, c.title])).toEqual([
      ["1", funded.id.toString(), "paid", articleId.toString(), parseEther("1.5").toString(), "Busan Blockchain Week follow-up"],
    ]);
    expect((await get<ProposalDetail>(`/dao/proposals/${defeated.id}`)).votes[0].reason).toBe("Rumours are not reporting.");
    expect(await get<CommissionRecord[]>("/dao/commissions/open")).toEqual([]);
    // The first author takes their share plus the rounding remainder, and withdrew it.
    const owed = await get<AuthorBounties>(`/dao/bounties/${authorA!.account.address}`);
    const credited = BigInt(owed.credits[0].amount);
    expect(owed.credits.map((c) => c.commissionId)).toEqual(["1"]);
    expect(credited).toBeGreaterThan(parseEther("1"));
    expect(owed.withdrawals.map((w) => BigInt(w.amount))).toEqual([credited]);
    expect((await get<AuthorBounties>(`/dao/bounties/${authorB!.account.address}`)).withdrawals).toEqual([]);
    expect((await fetch(`${stack.indexerUrl}/dao/proposals/999`)).status).toBe(404);
    expect((await fetch(`${stack.indexerUrl}/dao/proposals/abc`)).status).toBe(400);
  });
});
