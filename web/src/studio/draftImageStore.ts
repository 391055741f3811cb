import { type Kysely, sql } from "kysely";
import type { Database } from "../db/schema.ts";

// A draft's images in the shared database, by draft and SHA-256 (the same image added twice is
// stored once). Callers decide who may do what (draftImages.ts); this module only reads and writes.

export interface StoredImage {
  sha256: string;
  contentType: string;
  bytes: Uint8Array;
}

/**
 * Stores the image unless the draft already holds `maxImages` (checked in the same statement, so
 * uploads at once cannot pass it). True when the image is stored, now or before.
 */
export async function storeDraftImage(
  db: Kysely<Database>,
  draftId: string,
  addedBy: string,
  image: StoredImage,
  maxImages = Number.POSITIVE_INFINITY,
) {
  const stored = await db
    .insertInto("studio_draft_images")
    .columns(["draft_id", "sha256", "content_type", "size", "bytes", "added_by"])
    .expression(
      db
        .selectNoFrom([
          sql`${draftId}::uuid`.as("draft_id"),
          sql`${image.sha256}::text`.as("sha256"),
          sql`${image.contentType}::text`.as("content_type"),
          sql`${image.bytes.length}::integer`.as("size"),
          sql`${image.bytes}::bytea`.as("bytes"),
          sql`${addedBy}::text`.as("added_by"),
        ])
        .where((eb) =>
          eb(
            eb.selectFrom("studio_draft_images").select(eb.fn.countAll().as("images")).where("draft_id", "=", draftId),
            "<",
            Number.isFinite(maxImages) ? maxImages : Number.MAX_SAFE_INTEGER,
          ),
        ),
    )
    .onConflict((conflict) => conflict.columns(["draft_id", "sha256"]).doNothing())
    .returning("sha256")
    .executeTakeFirst();
  if (stored) return true;
  const present = await db
    .selectFrom("studio_draft_images")
    .select("sha256")
    .where("draft_id", "=", draftId)
    .where("sha256", "=", image.sha256)
    .executeTakeFirst();
  return present !== undefined;
}

export async function readDraftImage(db: Kysely<Database>, draftId: string, sha256: string): Promise<StoredImage | undefined> {
  const row = await db
    .selectFrom("studio_draft_images")
    .select(["sha256", "content_type", "bytes"])
    .where("draft_id", "=", draftId)
    .where("sha256", "=", sha256)
    .executeTakeFirst();
  return row && { sha256: row.sha256, contentType: row.content_type, bytes: new Uint8Array(row.bytes) };
}

/** The draft's images with these ids, by id (one query for a publish). */
export async function readDraftImages(db: Kysely<Database>, draftId: string, ids: readonly string[]) {
  if (ids.length === 0) return new Map<string, StoredImage>();
  const rows = await db
    .selectFrom("studio_draft_images")
    .select(["sha256", "content_type", "bytes"])
    .where("draft_id", "=", draftId)
    .where("sha256", "in", ids)
    .execute();
  return new Map(rows.map((row) => [row.sha256, { sha256: row.sha256, contentType: row.content_type, bytes: new Uint8Array(row.bytes) }]));
}
