import { randomBytes } from "node:crypto";
import { sql } from "kysely";
import { getAddress } from "viem";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { MIGRATIONS } from "../../web/src/db/migrations.ts";
import { MAX_DRAFT_MARKDOWN_BYTES } from "../../web/src/studio/draftLimits.ts";
import * as studio from "../../web/src/studio/studioActions.ts";
import type { StudioViewer } from "../../web/src/studio/studioAccess.ts";
import { startTestDatabase } from "../helpers/testDatabase.ts";

// The studio's tables and rules, against a database migrated from empty: the embedded PGlite, or
// CI's Postgres server when TEST_DATABASE_URL is set (.ci/postgres-tests runs this file there too).

const wallet = () => getAddress(`0x${randomBytes(20).toString("hex")}`);
const editor: StudioViewer = { address: wallet(), isEditor: true, isWriter: false };
const writer = (): StudioViewer => ({ address: wallet(), isEditor: false, isWriter: true });
const reader = (): StudioViewer => ({ address: wallet(), isEditor: false, isWriter: false });

const FRONTMATTER = {
  title: "부산 블록체인 주간",
  summary: "규제자유특구 5년, 무엇이 남았나",
  language: "ko",
  published: "2026-11-26",
  edition: { price_wei: "5000000000000000", max_supply: 100 },
  premium: { tier: 1 },
};
const MARKDOWN = "부산은 2019년 블록체인 규제자유특구가 되었다.\n\n<!-- premium -->\n\n유료 독자만 읽는 부분.";

let database: Awaited<ReturnType<typeof startTestDatabase>>;
beforeAll(async () => {
  database = await startTestDatabase();
});
afterAll(async () => {
  await database.db.destroy();
  await database.stop();
});

const db = () => database.db;
async function newDraft(owner: StudioViewer, content: object = { markdown: MARKDOWN, frontmatter: FRONTMATTER }) {
  const answer = await studio.createDraft(db(), owner, content);
  expect(answer.status).toBe(201);
  return answer.body.draft as { id: string; version: number; state: string };
}
/** Everything the studio stores, to show a refused request changed nothing. */
const snapshot = async () => ({
  drafts: await db().selectFrom("studio_drafts").selectAll().orderBy("id").execute(),
  comments: await db().selectFrom("studio_comments").selectAll().orderBy("id").execute(),
  writers: await db().selectFrom("studio_writers").selectAll().orderBy("address").execute(),
});

describe("the studio's tables", () => {
  it(`are created from empty by the migration ${"2026-11-26-004-studio"}`, async () => {
    expect(Object.keys(MIGRATIONS)).toContain("2026-11-26-004-studio");
    const applied = await sql<{ name: string }>`select name from kysely_migration order by name`.execute(db());
    expect(applied.rows.map((row) => row.name)).toContain("2026-11-26-004-studio");
    const tables = await sql<{ table_name: string }>`
      select table_name from information_schema.tables where table_schema = 'public' and table_name like 'studio_%' order by table_name`.execute(
      db(),
    );
    expect(tables.rows.map((row) => row.table_name)).toEqual(["studio_comments", "studio_draft_images", "studio_drafts", "studio_writers"]);
  });

  it("refuses a state the newsroom does not have", async () => {
    const draft = await newDraft(writer());
    await expect(sql`update studio_drafts set state = 'archived' where id = ${draft.id}`.execute(db())).rejects.toThrow();
  });
});

describe("who may do what", () => {
  it("refuses every action to a wallet without a role, and a writer on another writer's draft; nothing changes", async () => {
    const owner = writer();
    const draft = await newDraft(owner);
    const outsider = reader();
    const otherWriter = writer();
    const body = { version: draft.version, markdown: "overwritten", frontmatter: {}, body: "a note", address: outsider.address };
    const everyAction: [string, (viewer: StudioViewer) => Promise<{ status: number }>][] = [
      ["list drafts", (viewer) => studio.listMyDrafts(db(), viewer)],
      ["create a draft", (viewer) => studio.createDraft(db(), viewer, body)],
      ["read a draft", (viewer) => studio.getDraft(db(), viewer, draft.id)],
      ["save a draft", (viewer) => studio.saveDraft(db(), viewer, draft.id, body)],
      ["delete a draft", (viewer) => studio.deleteDraft(db(), viewer, draft.id)],
      ["submit a draft", (viewer) => studio.submitDraft(db(), viewer, draft.id)],
      ["read comments", (viewer) => studio.listComments(db(), viewer, draft.id)],
      ["comment", (viewer) => studio.addComment(db(), viewer, draft.id, body)],
      ["request changes", (viewer) => studio.requestChanges(db(), viewer, draft.id, body)],
      ["list the team", (viewer) => studio.listTeam(db(), viewer)],
      ["add a writer", (viewer) => studio.addWriter(db(), viewer, body)],
      ["remove a writer", (viewer) => studio.removeWriter(db(), viewer, owner.address)],
    ];
    const before = await snapshot();
    for (const [name, act] of everyAction) {
      expect((await act(outsider)).status, `${name} as a wallet without a role`).toBe(403);
    }
    for (const [name, act] of everyAction.filter(([name]) => !["list drafts", "create a draft"].includes(name))) {
      expect((await act(otherWriter)).status, `${name} as another writer`).toBe(403);
    }
    expect(await snapshot()).toEqual(before);
  });

  it("keeps a writer's unsubmitted draft from editors' lists and reads", async () => {
    const owner = writer();
    const draft = await newDraft(owner);
    expect((await studio.getDraft(db(), editor, draft.id)).status).toBe(403);
    const listed = (await studio.listMyDrafts(db(), editor)).body.drafts as { id: string }[];
    expect(listed.map((row) => row.id)).not.toContain(draft.id);
  });

  it("lets an editor add and remove writers, by checksummed address", async () => {
    const newcomer = wallet();
    expect((await studio.addWriter(db(), editor, { address: newcomer.toLowerCase() })).status).toBe(201);
    const team = (await studio.listTeam(db(), editor)).body.writers as { address: string }[];
    expect(team.map((row) => row.address)).toContain(newcomer);
    expect((await studio.addWriter(db(), editor, { address: "0x1234" })).status).toBe(400);
    await studio.removeWriter(db(), editor, newcomer);
    const after = (await studio.listTeam(db(), editor)).body.writers as { address: string }[];
    expect(after.map((row) => row.address)).not.toContain(newcomer);
  });
});

describe("drafts through review", () => {
  it("saves only from the version a page loaded: a second tab's stale save is refused with the newer draft", async () => {
    const owner = writer();
    const draft = await newDraft(owner);
    const first = await studio.saveDraft(db(), owner, draft.id, { version: draft.version, markdown: "tab one", frontmatter: FRONTMATTER });
    expect(first.status).toBe(200);
    const second = await studio.saveDraft(db(), owner, draft.id, { version: draft.version, markdown: "tab two", frontmatter: FRONTMATTER });
    expect(second.status).toBe(409);
    expect(second.body.error).toBe("studio.error.conflict");
    expect((second.body.current as { markdown: string }).markdown).toBe("tab one");
    const stored = (await studio.getDraft(db(), owner, draft.id)).body.draft as { markdown: string };
    expect(stored.markdown).toBe("tab one");
  });

  it("lets exactly one of many concurrent saves from one version win", async () => {
    const owner = writer();
    const draft = await newDraft(owner);
    const saves = await Promise.all(
      Array.from({ length: 8 }, (_, tab) =>
        studio.saveDraft(db(), owner, draft.id, { version: draft.version, markdown: `tab ${tab}`, frontmatter: FRONTMATTER }),
      ),
    );
    expect(saves.filter((save) => save.status === 200)).toHaveLength(1);
    expect(saves.filter((save) => save.status === 409)).toHaveLength(7);
  });

  it(`refuses Markdown over ${MAX_DRAFT_MARKDOWN_BYTES} bytes, counting Korean as UTF-8`, async () => {
    const owner = writer();
    const draft = await newDraft(owner);
    const tooLong = "가".repeat(Math.ceil(MAX_DRAFT_MARKDOWN_BYTES / 3) + 1); // 3 bytes each
    const answer = await studio.saveDraft(db(), owner, draft.id, { version: draft.version, markdown: tooLong, frontmatter: FRONTMATTER });
    expect(answer.status).toBe(413);
    expect((await studio.createDraft(db(), owner, { markdown: tooLong })).status).toBe(413);
    const stored = (await studio.getDraft(db(), owner, draft.id)).body.draft as { markdown: string };
    expect(stored.markdown).toBe(MARKDOWN);
  });

  it("submits only a draft the CLI would publish, with the CLI's message", async () => {
    const owner = writer();
    const draft = await newDraft(owner, { markdown: MARKDOWN, frontmatter: { ...FRONTMATTER, edition: { price_wei: "1.5" } } });
    const refused = await studio.submitDraft(db(), owner, draft.id);
    expect(refused.status).toBe(422);
    expect(refused.body).toMatchObject({ field: "edition.price_wei", problem: 'must be a whole number of wei, got "1.5"' });
    const read = await studio.getDraft(db(), owner, draft.id);
    expect(read.body.problem).toMatchObject({ field: "edition.price_wei" });
    expect((read.body.draft as { state: string }).state).toBe("draft");
  });

  it("goes draft → in review → changes requested → in review, the writer locked out while it is reviewed", async () => {
    const owner = writer();
    const draft = await newDraft(owner);
    const submitted = await studio.submitDraft(db(), owner, draft.id);
    expect(submitted.body.draft).toMatchObject({ state: "in_review" });
    const version = (submitted.body.draft as { version: number }).version;
    const locked = await studio.saveDraft(db(), owner, draft.id, { version, markdown: "edited in review", frontmatter: FRONTMATTER });
    expect(locked.status).toBe(409);
    expect(locked.body.error).toBe("studio.error.wrongState");
    expect((await studio.requestChanges(db(), writer(), draft.id, {})).status).toBe(403);

    const listed = (await studio.listMyDrafts(db(), editor)).body.drafts as { id: string; title: string }[];
    expect(listed.find((row) => row.id === draft.id)?.title).toBe(FRONTMATTER.title);
    const review = await studio.requestChanges(db(), editor, draft.id, { body: "리드 문단을 줄여 주세요." });
    expect(review.body.draft).toMatchObject({ state: "changes_requested" });
    const comments = (await studio.listComments(db(), owner, draft.id)).body.comments as { author: string; body: string }[];
    expect(comments).toEqual([expect.objectContaining({ author: editor.address, body: "리드 문단을 줄여 주세요." })]);

    const revised = await studio.saveDraft(db(), owner, draft.id, {
      version: (review.body.draft as { version: number }).version,
      markdown: MARKDOWN.replace("되었다", "지정되었다"),
      frontmatter: FRONTMATTER,
    });
    expect(revised.status).toBe(200);
    expect((await studio.submitDraft(db(), owner, draft.id)).body.draft).toMatchObject({ state: "in_review" });
    expect((await studio.deleteDraft(db(), owner, draft.id)).status).toBe(409);
  });
});
