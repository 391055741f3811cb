import type { Kysely, Updateable } from "kysely";
import type { Database, PublishRunsTable } from "../db/schema.ts";

export type PublishRun = Awaited<ReturnType<typeof readPublishRun>>;

/** The key a publish run is known by: one per content digest and publication. */
export const publishRunKey = (chainId: number, editions: string, contentDigest: string) =>
  `${chainId}:${editions.toLowerCase()}:${contentDigest}`;

export async function readPublishRun(db: Kysely<Database>, key: string) {
  return db.selectFrom("publish_runs").selectAll().where("key", "=", key).executeTakeFirstOrThrow();
}

/**
 * Records a step's outcome. Only the lock's holder writes: a run that lost its lock learns it
 * here, before it can act on a state another run has moved on.
 */
export async function updatePublishRun(
  db: Kysely<Database>,
  key: string,
  owner: string,
  patch: Omit<Updateable<PublishRunsTable>, "key" | "lock_owner" | "lock_expires_at">,
) {
  const { numUpdatedRows } = await db
    .updateTable("publish_runs")
    .set({ ...patch, updated_at: new Date() })
    .where("key", "=", key)
    .where("lock_owner", "=", owner)
    .executeTakeFirst();
  if (numUpdatedRows === 0n) throw new Error("This publish lost its lock to another run; it stopped without writing more.");
}

/** The transaction fields cleared: the run is back to "packaged, nothing sent". */
export const NOTHING_SENT = {
  state: "uploading",
  sender: null,
  nonce: null,
  from_block: null,
  transaction_hash: null,
  article_id: null,
} as const;

/**
 * Runs of the same slug on the same publication that stopped before sending anything and that
 * nobody holds: earlier, edited versions of an article whose uploads nothing will publish.
 */
export async function staleRunsOfSlug(db: Kysely<Database>, key: string, slug: string) {
  const publication = key.slice(0, key.lastIndexOf(":") + 1);
  const rows = await db
    .selectFrom("publish_runs")
    .select("key")
    .where("slug", "=", slug)
    .where("state", "=", "uploading")
    .where("key", "!=", key)
    .where("key", "like", `${publication}%`)
    .where((eb) => eb.or([eb("lock_owner", "is", null), eb("lock_expires_at", "<", new Date())]))
    .execute();
  return rows.map((row) => row.key);
}
