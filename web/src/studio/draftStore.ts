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

/** A limit as SQL compares it: none is a count no table reaches. */
const cap = (limit: number) => (Number.isFinite(limit) ? limit : Number.MAX_SAFE_INTEGER);

/** A new draft, unless `owner` already holds `maxOpen` unpublished ones (then undefined, nothing stored). */
export async function createDraft(db: Kysely<Database>, owner: string, content: DraftContent, maxOpen = Number.POSITIVE_INFINITY) {
  // The count and the insert are one statement: no window between checking and storing.
  return db
    .insertInto("studio_drafts")
    .columns(["id", "owner", "markdown", "frontmatter"])
    .expression(
      db
        .selectNoFrom([
          sql.val(randomUUID()).as("id"),
          sql.val(owner).as("owner"),
          sql.val(content.markdown).as("markdown"),
          sql`${JSON.stringify(content.frontmatter)}::jsonb`.as("frontmatter"),
        ])
        .where((eb) =>
          eb(
            eb.selectFrom("studio_drafts").select(eb.fn.countAll().as("open")).where("owner", "=", owner).where("state", "!=", "published"),
            "<",
            cap(maxOpen),
          ),
        ),
    )
    .returning(COLUMNS)
    .executeTakeFirst();
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

/**
 * One page of published drafts, newest article first: a writer's own, or for an editor every one
 * the studio published. `before` is the previous page's last article id.
 */
export async function listPublished(db: Kysely<Database>, viewer: string, isEditor: boolean, page: { before?: bigint; limit: number }) {
  let query = db
    .selectFrom("studio_drafts")
    .select(["id", "owner", "published_article_id", sql<string>`frontmatter->>'title'`.as("title")])
    .where("state", "=", "published")
    .where("published_article_id", "is not", null);
  if (!isEditor) query = query.where("owner", "=", viewer);
  if (page.before !== undefined) query = query.where("published_article_id", "<", page.before.toString());
  const rows = await query.orderBy("published_article_id", "desc").limit(page.limit).execute();
  return rows.map((row) => ({ ...row, published_article_id: BigInt(row.published_article_id!) }));
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

/** A new comment, unless the draft already carries `max` (then undefined, nothing stored). */
export async function addComment(db: Kysely<Database>, draftId: string, author: string, body: string, max = Number.POSITIVE_INFINITY) {
  return db
    .insertInto("studio_comments")
    .columns(["draft_id", "author", "body"])
    .expression(
      db
        .selectNoFrom([sql`${draftId}::uuid`.as("draft_id"), sql.val(author).as("author"), sql.val(body).as("body")])
        .where((eb) =>
          eb(eb.selectFrom("studio_comments").select(eb.fn.countAll().as("comments")).where("draft_id", "=", draftId), "<", cap(max)),
        ),
    )
    .returning(["id", "author", "body", "created_at"])
    .executeTakeFirst();
}

export async function countComments(db: Kysely<Database>, draftId: string) {
  const { comments } = await db
    .selectFrom("studio_comments")
    .select((eb) => eb.fn.countAll<string>().as("comments"))
    .where("draft_id", "=", draftId)
    .executeTakeFirstOrThrow();
  return Number(comments);
}

export async function listComments(db: Kysely<Database>, draftId: string) {
  return db
    .selectFrom("studio_comments")
    .select(["id", "author", "body", "created_at"])
    .where("draft_id", "=", draftId)
    .orderBy("id")
    .execute();
}
