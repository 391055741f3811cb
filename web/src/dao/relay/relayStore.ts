import { randomUUID } from "node:crypto";
import { type Kysely, sql } from "kysely";
import type { Address, Hash, Hex } from "viem";
import type { Database, RelayedVotesTable } from "../../db/schema.ts";
import type { Ballot } from "./ballot.ts";

/** A claim that never got sent (its server died before the lock came) may be taken again after this. */
const STALE_CLAIM_SECONDS = 120;

/** One key per member, proposal and governor: the relay sends at most one vote under it. */
export const ballotKey = (chainId: number, governor: Address, ballot: Ballot) =>
  `${chainId}:${governor.toLowerCase()}:${ballot.proposalId}:${ballot.voter.toLowerCase()}`;

export type RelayedVote = Pick<
  RelayedVotesTable,
  "id" | "voter" | "proposal_id" | "support" | "reason" | "state" | "transaction_hash" | "failure"
>;

const COLUMNS = ["id", "voter", "proposal_id", "support", "reason", "state", "transaction_hash", "failure"] as const;

/**
 * Claims the member's vote on this proposal before anything is sent. Returns the claim, or the
 * vote already claimed under the same key (queued, sent or confirmed). A failed attempt, or a
 * queued one whose server went away, may be claimed again; the chain still refuses a second vote.
 */
export async function claimVote(
  db: Kysely<Database>,
  key: string,
  ballot: Ballot,
  signature: Hex,
): Promise<{ claimed: true; vote: RelayedVote } | { claimed: false; vote: RelayedVote }> {
  const fields = {
    voter: ballot.voter,
    proposal_id: ballot.proposalId.toString(),
    support: ballot.support,
    reason: ballot.reason,
    signature,
    state: "queued" as const,
  };
  const claimed = await db
    .insertInto("relayed_votes")
    .values({ id: randomUUID(), ballot_key: key, ...fields })
    .onConflict((conflict) =>
      conflict
        .column("ballot_key")
        .doUpdateSet({ ...fields, relayer: null, transaction_hash: null, failure: null, updated_at: sql`now()` })
        .where((eb) =>
          eb.or([
            eb("relayed_votes.state", "=", "failed"),
            eb.and([
              eb("relayed_votes.state", "=", "queued"),
              eb("relayed_votes.updated_at", "<", sql<Date>`now() - make_interval(secs => ${STALE_CLAIM_SECONDS})`),
            ]),
          ]),
        ),
    )
    .returning(COLUMNS)
    .executeTakeFirst();
  if (claimed) return { claimed: true, vote: claimed };
  const existing = await db.selectFrom("relayed_votes").select(COLUMNS).where("ballot_key", "=", key).executeTakeFirstOrThrow();
  return { claimed: false, vote: existing };
}

export async function markSent(db: Kysely<Database>, id: string, relayer: Address, hash: Hash) {
  await db
    .updateTable("relayed_votes")
    .set({ state: "sent", relayer, transaction_hash: hash, updated_at: sql`now()` })
    .where("id", "=", id)
    .execute();
}

/** Records how a vote ended; only a vote not yet confirmed can change. */
export async function markSettled(
  db: Kysely<Database>,
  id: string,
  outcome: { state: "confirmed" } | { state: "failed"; failure: string },
) {
  await db
    .updateTable("relayed_votes")
    .set({ state: outcome.state, failure: outcome.state === "failed" ? outcome.failure : null, updated_at: sql`now()` })
    .where("id", "=", id)
    .where("state", "!=", "confirmed")
    .execute();
}

/**
 * Marks a sent vote failed as "dropped" once its transaction has been unknown to the chain for
 * `graceSeconds` after it was sent (a node restart or a full mempool lost it): the member may then
 * send the same signature again, since a failed vote can be claimed again.
 */
export async function markDropped(db: Kysely<Database>, id: string, graceSeconds: number) {
  await db
    .updateTable("relayed_votes")
    .set({ state: "failed", failure: "dropped", updated_at: sql`now()` })
    .where("id", "=", id)
    .where("state", "=", "sent")
    .where("updated_at", "<=", sql<Date>`now() - make_interval(secs => ${graceSeconds})`)
    .execute();
}

export async function findVote(db: Kysely<Database>, id: string) {
  return db.selectFrom("relayed_votes").select(COLUMNS).where("id", "=", id).executeTakeFirst();
}
