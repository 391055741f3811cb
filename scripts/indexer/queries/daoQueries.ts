import type { AuthorBounties, CommissionRecord, ProposalDetail, ProposalSummary, VoteRecord } from "../../../web/src/indexer/daoTypes.ts";
import { quotedSchema, type SqlRunner } from "../sqlRunner.ts";

const PROPOSAL_COLUMNS = `id::text as "id", proposer, title, description_cid as "descriptionCid",
  vote_start::text as "voteStart", vote_end::text as "voteEnd", created_at::text as "createdAt",
  queued_at::text as "queuedAt", eta::text as "eta", executed_at::text as "executedAt", canceled_at::text as "canceledAt"`;

const COMMISSION_COLUMNS = `c.id::text as "id", c.proposal_id::text as "proposalId", c.topic_cid as "topicCid",
  c.bounty::text as "bounty", c.deadline::text as "deadline", c.status, c.article_id::text as "articleId",
  c.challenge_ends_at::text as "challengeEndsAt", c.rejections, c.created_at::text as "createdAt",
  c.fulfilled_at::text as "fulfilledAt", c.paid_at::text as "paidAt", c.expired_at::text as "expiredAt", p.title`;

/** Proposals newest first. */
export async function listProposals(sql: SqlRunner, schema: string, limit: number): Promise<ProposalSummary[]> {
  const { rows } = await sql<ProposalSummary>(
    `select ${PROPOSAL_COLUMNS} from ${quotedSchema(schema)}.proposal order by id desc limit $1`,
    [limit],
  );
  return rows;
}

/** One proposal with its actions, votes (newest first) and the commissions its execution created. */
export async function proposalById(sql: SqlRunner, schema: string, id: bigint): Promise<ProposalDetail | undefined> {
  const s = quotedSchema(schema);
  const { rows } = await sql<Omit<ProposalDetail, "votes" | "commissions">>(
    `select ${PROPOSAL_COLUMNS}, description, actions, created_block::text as "createdBlock",
       created_transaction as "createdTransaction", executed_transaction as "executedTransaction"
     from ${s}.proposal where id = $1::numeric`,
    [id.toString()],
  );
  if (!rows[0]) return undefined;
  const votes = await sql<VoteRecord>(
    `select voter, support, weight::text as "weight", reason, timestamp::text as "timestamp", transaction_hash as "transactionHash"
     from ${s}.vote where proposal_id = $1::numeric order by block_number desc, voter`,
    [id.toString()],
  );
  const commissions = await sql<CommissionRecord>(
    `select ${COMMISSION_COLUMNS} from ${s}.commission c left join ${s}.proposal p on p.id = c.proposal_id
     where c.proposal_id = $1::numeric order by c.id`,
    [id.toString()],
  );
  return { ...rows[0], votes: votes.rows, commissions: commissions.rows };
}

/** Commissions still waiting for an article or in their challenge window, oldest first. */
export async function openCommissions(sql: SqlRunner, schema: string): Promise<CommissionRecord[]> {
  const s = quotedSchema(schema);
  const { rows } = await sql<CommissionRecord>(
    `select ${COMMISSION_COLUMNS} from ${s}.commission c left join ${s}.proposal p on p.id = c.proposal_id
     where c.status in ('open', 'fulfilled') order by c.id`,
  );
  return rows;
}

/** What an author was credited from commissions and what they withdrew from the desk. */
export async function bountiesOf(sql: SqlRunner, schema: string, account: string): Promise<AuthorBounties> {
  const s = quotedSchema(schema);
  const credits = await sql<AuthorBounties["credits"][number]>(
    `select commission_id::text as "commissionId", amount::text as "amount" from ${s}.bounty_credit where author = $1 order by commission_id`,
    [account.toLowerCase()],
  );
  const withdrawals = await sql<AuthorBounties["withdrawals"][number]>(
    `select amount::text as "amount", timestamp::text as "timestamp", transaction_hash as "transactionHash"
     from ${s}.bounty_withdrawal where account = $1 order by timestamp`,
    [account.toLowerCase()],
  );
  return { credits: credits.rows, withdrawals: withdrawals.rows };
}
