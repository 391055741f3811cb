import { randomUUID } from "node:crypto";
import { type Kysely, sql } from "kysely";
import type { Database, DraftState } from "../db/schema.ts";

// The studio's drafts and their review comments, in the shared database. Callers decide who may
// do what (studioAccess.ts); this module only reads and writes, each change in one statement.

export interface DraftContent {
  markdown: string;
  frontmatter: Record<string, unknown>;
}

export type Draft = NonNullable<Awaited<ReturnType<typeof readDraft>>>;

const COLUMNS = [
  "id",
  "owner",
  "markdown",
  "frontmatter",
  "state",
  "version",
  "created_at",
  "updated_at",
  "submitted_at",
  "published_article_id",
  "commission_id",
] as const;

export async function createDraft(db: Kysely<Database>, owner: string, content: DraftContent) {
  return db
    .insertInto("studio_drafts")
    .values({ id: randomUUID(), owner, markdown: content.markdown, frontmatter: JSON.stringify(content.frontmatter) })
    .returning(COLUMNS)
    .executeTakeFirstOrThrow();
}

export async function readDraft(db: Kysely<Database>, id: string) {
  // A malformed id is simply not a draft (Postgres would refuse to compare it to a uuid).
  if (!/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(id)) return undefined;
  return db.selectFrom("studio_drafts").select(COLUMNS).where("id", "=", id).executeTakeFirst();
}

/** A writer's own drafts; for an editor, also everyone's drafts that were ever submitted. */
export async function listDrafts(db: Kysely<Database>, viewer: string, isEditor: boolean) {
  return db
    .selectFrom("studio_drafts")
    .select([
      "id",
      "owner",
      "state",
      "version",
      "updated_at",
      "submitted_at",
      "published_article_id",
      sql<string>`frontmatter->>'title'`.as("title"),
    ])
    .where((where) => (isEditor ? where.or([where("owner", "=", viewer), where("state", "!=", "draft")]) : where("owner", "=", viewer)))
    .orderBy("updated_at", "desc")
    .limit(500)
    .execute();
}

export type SaveResult = { saved: true; draft: Draft } | { saved: false; current: Draft | undefined };

/**
 * Saves a draft's content if nobody saved it since `version` (another tab, another device): the
 * check and the write are one statement, so of two saves from the same version exactly one wins.
 */
export async function saveDraft(db: Kysely<Database>, id: string, version: number, content: DraftContent): Promise<SaveResult> {
  const draft = await db
    .updateTable("studio_drafts")
    .set({
      markdown: content.markdown,
      frontmatter: JSON.stringify(content.frontmatter),
      version: sql`version + 1`,
      updated_at: sql`now()`,
    })
    .where("id", "=", id)
    .where("version", "=", version)
    .returning(COLUMNS)
    .executeTakeFirst();
  return draft ? { saved: true, draft } : { saved: false, current: await readDraft(db, id) };
}

/** Moves a draft from one of `from` to `to`; undefined when it was in another state meanwhile. */
export async function moveDraft(
  db: Kysely<Database>,
  id: string,
  from: readonly DraftState[],
  to: DraftState,
  publishedArticleId?: bigint,
) {
  return db
    .updateTable("studio_drafts")
    .set({
      state: to,
      version: sql`version + 1`,
      updated_at: sql`now()`,
      ...(to === "in_review" ? { submitted_at: sql`now()` } : {}),
      ...(publishedArticleId !== undefined ? { published_article_id: publishedArticleId.toString() } : {}),
    })
    .where("id", "=", id)
    .where("state", "in", from)
    .returning(COLUMNS)
    .executeTakeFirst();
}

/**
 * Records which commission a draft answers (null for none) while it is in one of `from`. The
 * version stays: the text an open editor tab autosaves did not change.
 */
export async function setDraftCommission(db: Kysely<Database>, id: string, from: readonly DraftState[], commissionId: string | null) {
  return db
    .updateTable("studio_drafts")
    .set({ commission_id: commissionId, updated_at: sql`now()` })
    .where("id", "=", id)
    .where("state", "in", from)
    .returning(COLUMNS)
    .executeTakeFirst();
}

export async function deleteDraft(db: Kysely<Database>, id: string, from: readonly DraftState[]) {
  const result = await db.deleteFrom("studio_drafts").where("id", "=", id).where("state", "in", from).executeTakeFirst();
  return result.numDeletedRows > 0n;
}

export async function addComment(db: Kysely<Database>, draftId: string, author: string, body: string) {
  return db
    .insertInto("studio_comments")
    .values({ draft_id: draftId, author, body })
    .returning(["id", "author", "body", "created_at"])
    .executeTakeFirstOrThrow();
}

export async function listComments(db: Kysely<Database>, draftId: string) {
  return db
    .selectFrom("studio_comments")
    .select(["id", "author", "body", "created_at"])
    .where("draft_id", "=", draftId)
    .orderBy("id")
    .execute();
}
