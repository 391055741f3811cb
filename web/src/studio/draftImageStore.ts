import type { Kysely } from "kysely";
import type { Database } from "../db/schema.ts";

// A draft's images in the shared database, by draft and SHA-256 (the same image added twice is
// stored once). Callers decide who may do what (draftImages.ts); this module only reads and writes.

export interface StoredImage {
  sha256: string;
  contentType: string;
  bytes: Uint8Array;
}

export async function storeDraftImage(db: Kysely<Database>, draftId: string, addedBy: string, image: StoredImage) {
  await db
    .insertInto("studio_draft_images")
    .values({
      draft_id: draftId,
      sha256: image.sha256,
      content_type: image.contentType,
      size: image.bytes.length,
      bytes: image.bytes,
      added_by: addedBy,
    })
    .onConflict((conflict) => conflict.columns(["draft_id", "sha256"]).doNothing())
    .execute();
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
