import type { Kysely } from "kysely";
import type { Database } from "../db/schema.ts";

export interface RecordedUpload {
  cid: string;
  detail: unknown;
}

/** What a run has uploaded and still holds pinned, by step. */
export async function uploadsOfRun(db: Kysely<Database>, runKey: string) {
  const rows = await db
    .selectFrom("publish_uploads")
    .select(["step", "cid", "detail"])
    .where("run_key", "=", runKey)
    .where("unpinned", "=", false)
    .execute();
  return new Map<string, RecordedUpload>(rows.map((row) => [row.step, { cid: row.cid, detail: row.detail }]));
}

/** Records a finished upload; returns the CID it replaces, if the step had another one. */
export async function recordUpload(db: Kysely<Database>, runKey: string, step: string, upload: RecordedUpload) {
  const before = await db
    .selectFrom("publish_uploads")
    .select(["cid", "unpinned"])
    .where("run_key", "=", runKey)
    .where("step", "=", step)
    .executeTakeFirst();
  const detail = upload.detail === undefined ? null : JSON.stringify(upload.detail);
  await db
    .insertInto("publish_uploads")
    .values({ run_key: runKey, step, cid: upload.cid, detail })
    .onConflict((conflict) => conflict.columns(["run_key", "step"]).doUpdateSet({ cid: upload.cid, detail, unpinned: false }))
    .execute();
  return before && !before.unpinned && before.cid !== upload.cid ? before.cid : null;
}

/** Of `cids`, those another live run (or a published article) still holds pinned. */
export async function cidsHeldElsewhere(db: Kysely<Database>, runKey: string, cids: string[]) {
  if (cids.length === 0) return new Set<string>();
  const rows = await db
    .selectFrom("publish_uploads")
    .innerJoin("publish_runs", "publish_runs.key", "publish_uploads.run_key")
    .select("publish_uploads.cid")
    .where("publish_uploads.cid", "in", cids)
    .where("publish_uploads.run_key", "!=", runKey)
    .where("publish_uploads.unpinned", "=", false)
    .where("publish_runs.state", "!=", "abandoned")
    .execute();
  return new Set(rows.map((row) => row.cid));
}

export async function markUnpinned(db: Kysely<Database>, runKey: string, cid: string) {
  await db.updateTable("publish_uploads").set({ unpinned: true }).where("run_key", "=", runKey).where("cid", "=", cid).execute();
}
