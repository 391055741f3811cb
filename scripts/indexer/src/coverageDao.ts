// CoverageGovernor and CoverageDesk events into the index: proposals with their actions and state
// changes, votes with their reasons, commissions from creation to payment or expiry, and the
// bounty each author was credited and withdrew. Tallies and states that decide anything are read
// from the chain by the pages; this is the history they list.
import { ponder } from "ponder:registry";
import { bountyCredit, bountyWithdrawal, commission, proposal, vote } from "ponder:schema";
import { eq } from "ponder";
import { cidOfTopic } from "../../../web/src/dao/commissionTopic.ts";
import { parseProposalDescription } from "../../../web/src/dao/proposalDescription.ts";
import { indexedAddress } from "../indexedAddress.ts";

ponder.on("CoverageGovernor:ProposalCreated", async ({ event, context }) => {
  const { proposalId, proposer, targets, values, calldatas, voteStart, voteEnd, description } = event.args;
  const { title, cid } = parseProposalDescription(description);
  await context.db.insert(proposal).values({
    id: proposalId,
    proposer: indexedAddress(proposer),
    description,
    title,
    descriptionCid: cid,
    actions: targets.map((target, i) => ({ target: indexedAddress(target), value: values[i].toString(), calldata: calldatas[i] })),
    voteStart,
    voteEnd,
    createdBlock: event.block.number,
    createdAt: event.block.timestamp,
    createdTransaction: event.transaction.hash,
  });
});

ponder.on("CoverageGovernor:ProposalExtended", async ({ event, context }) => {
  await context.db.update(proposal, { id: event.args.proposalId }).set({ voteEnd: BigInt(event.args.extendedDeadline) });
});

ponder.on("CoverageGovernor:ProposalQueued", async ({ event, context }) => {
  await context.db.update(proposal, { id: event.args.proposalId }).set({ queuedAt: event.block.timestamp, eta: event.args.etaSeconds });
});

ponder.on("CoverageGovernor:ProposalExecuted", async ({ event, context }) => {
  const { proposalId } = event.args;
  await context.db
    .update(proposal, { id: proposalId })
    .set({ executedAt: event.block.timestamp, executedTransaction: event.transaction.hash });
  // The commissions this execution created came earlier in the same transaction.
  await context.db.sql.update(commission).set({ proposalId }).where(eq(commission.createdTransaction, event.transaction.hash));
});

ponder.on("CoverageGovernor:ProposalCanceled", async ({ event, context }) => {
  await context.db.update(proposal, { id: event.args.proposalId }).set({ canceledAt: event.block.timestamp });
});

/** A vote, from `VoteCast` or `VoteCastWithParams` (the same fields; params are not used). */
const voteRow = (event: {
  args: { voter: `0x${string}`; proposalId: bigint; support: number; weight: bigint; reason: string };
  block: { number: bigint; timestamp: bigint };
  transaction: { hash: `0x${string}` };
}) => ({
  proposalId: event.args.proposalId,
  voter: indexedAddress(event.args.voter),
  support: event.args.support,
  weight: event.args.weight,
  reason: event.args.reason,
  blockNumber: event.block.number,
  timestamp: event.block.timestamp,
  transactionHash: event.transaction.hash,
});

ponder.on("CoverageGovernor:VoteCast", async ({ event, context }) => {
  await context.db.insert(vote).values(voteRow(event));
});

ponder.on("CoverageGovernor:VoteCastWithParams", async ({ event, context }) => {
  await context.db.insert(vote).values(voteRow(event));
});

ponder.on("CoverageDesk:CommissionCreated", async ({ event, context }) => {
  const { commissionId, topic, bounty, deadline } = event.args;
  await context.db.insert(commission).values({
    id: commissionId,
    topicCid: cidOfTopic(topic),
    bounty,
    deadline: BigInt(deadline),
    status: "open",
    rejections: 0,
    createdAt: event.block.timestamp,
    createdTransaction: event.transaction.hash,
  });
});

ponder.on("CoverageDesk:CommissionFulfilled", async ({ event, context }) => {
  const { commissionId, articleId, editor, challengeEndsAt } = event.args;
  await context.db.update(commission, { id: commissionId }).set({
    status: "fulfilled",
    articleId,
    editor: indexedAddress(editor),
    challengeEndsAt: BigInt(challengeEndsAt),
    fulfilledAt: event.block.timestamp,
  });
});

ponder.on("CoverageDesk:FulfilmentRejected", async ({ event, context }) => {
  await context.db.update(commission, { id: event.args.commissionId }).set((c) => ({
    status: "open",
    articleId: null,
    editor: null,
    challengeEndsAt: null,
    fulfilledAt: null,
    rejections: c.rejections + 1,
  }));
});

ponder.on("CoverageDesk:CommissionSettled", async ({ event, context }) => {
  await context.db.update(commission, { id: event.args.commissionId }).set({ status: "paid", paidAt: event.block.timestamp });
});

ponder.on("CoverageDesk:BountyCredited", async ({ event, context }) => {
  const { commissionId, author, amount } = event.args;
  await context.db
    .insert(bountyCredit)
    .values({ commissionId, author: indexedAddress(author), amount })
    .onConflictDoUpdate((row) => ({ amount: row.amount + amount }));
});

ponder.on("CoverageDesk:CommissionExpired", async ({ event, context }) => {
  await context.db.update(commission, { id: event.args.commissionId }).set({ status: "expired", expiredAt: event.block.timestamp });
});

ponder.on("CoverageDesk:Withdrawn", async ({ event, context }) => {
  await context.db.insert(bountyWithdrawal).values({
    id: event.id,
    account: indexedAddress(event.args.account),
    amount: event.args.amount,
    timestamp: event.block.timestamp,
    transactionHash: event.transaction.hash,
  });
});
