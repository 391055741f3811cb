import { randomBytes } from "node:crypto";
import { getAddress } from "viem";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { MESSAGES } from "../../web/src/i18n/messages.ts";
import { DEFAULT_STUDIO_LIMITS } from "../../web/src/studio/draftLimits.ts";
import { moveDraft } from "../../web/src/studio/draftStore.ts";
import type { StudioViewer } from "../../web/src/studio/studioAccess.ts";
import * as studio from "../../web/src/studio/studioActions.ts";
import { startTestDatabase } from "../helpers/testDatabase.ts";

// A team member cannot fill the shared database: open drafts per writer and comments per draft
// have limits (STUDIO_MAX_OPEN_DRAFTS, STUDIO_MAX_COMMENTS_PER_DRAFT); past one, the request is
// refused with a message in both languages and nothing is stored.

const wallet = () => getAddress(`0x${randomBytes(20).toString("hex")}`);
const editor: StudioViewer = { address: wallet(), isEditor: true, isWriter: false };
const writer = (): StudioViewer => ({ address: wallet(), isEditor: false, isWriter: true });
const FRONTMATTER = {
  title: "한도 시험",
  summary: "초안과 댓글의 한도",
  language: "ko",
  published: "2026-11-27",
  edition: { price_wei: "1000000000000000", max_supply: 10 },
};
const content = { markdown: "본문", frontmatter: FRONTMATTER };

let database: Awaited<ReturnType<typeof startTestDatabase>>;
beforeAll(async () => {
  database = await startTestDatabase();
});
afterAll(async () => {
  await database.db.destroy();
  await database.stop();
});
const db = () => database.db;
const count = async (table: "studio_drafts" | "studio_comments") =>
  Number(
    (
      await db()
        .selectFrom(table)
        .select((eb) => eb.fn.countAll<string>().as("n"))
        .executeTakeFirstOrThrow()
    ).n,
  );

describe("open drafts per writer", () => {
  it(`refuses the ${DEFAULT_STUDIO_LIMITS.maxOpenDrafts + 1}st open draft by default, in both languages, storing nothing`, async () => {
    const owner = writer();
    for (let at = 0; at < DEFAULT_STUDIO_LIMITS.maxOpenDrafts; at++) {
      expect((await studio.createDraft(db(), owner, content)).status).toBe(201);
    }
    const before = await count("studio_drafts");
    const refused = await studio.createDraft(db(), owner, content);
    expect(refused.status).toBe(409);
    expect(refused.body).toEqual({ error: "studio.error.tooManyDrafts", max: 200 });
    expect(await count("studio_drafts")).toBe(before);
    expect(MESSAGES.en["studio.error.tooManyDrafts"]).toContain("nothing was saved");
    expect(MESSAGES.ko["studio.error.tooManyDrafts"]).toContain("저장되지 않았습니다");
    // The limit is the writer's own: another writer still drafts.
    expect((await studio.createDraft(db(), writer(), content)).status).toBe(201);
  });

  it("counts only unpublished drafts: publishing one frees a place", async () => {
    const limits = { ...DEFAULT_STUDIO_LIMITS, maxOpenDrafts: 3 };
    const owner = writer();
    const ids: string[] = [];
    for (let at = 0; at < 3; at++) ids.push(((await studio.createDraft(db(), owner, content, limits)).body.draft as { id: string }).id);
    expect((await studio.createDraft(db(), owner, content, limits)).status).toBe(409);
    await moveDraft(db(), ids[0]!, ["draft"], "published", 1n);
    expect((await studio.createDraft(db(), owner, content, limits)).status).toBe(201);
    expect((await studio.createDraft(db(), owner, content, limits)).status).toBe(409);
  });
});

describe("comments per draft", () => {
  it("refuses a comment past the limit, and a change request's note before the draft moves; nothing stored", async () => {
    const limits = { ...DEFAULT_STUDIO_LIMITS, maxCommentsPerDraft: 2 };
    const owner = writer();
    const id = ((await studio.createDraft(db(), owner, content, limits)).body.draft as { id: string }).id;
    for (const note of ["첫 번째", "두 번째"]) {
      expect((await studio.addComment(db(), owner, id, { body: note }, limits)).status).toBe(201);
    }
    const before = await count("studio_comments");
    const refused = await studio.addComment(db(), owner, id, { body: "세 번째" }, limits);
    expect(refused.status).toBe(409);
    expect(refused.body).toEqual({ error: "studio.error.tooManyComments", max: 2 });
    expect(MESSAGES.en["studio.error.tooManyComments"]).toContain("nothing was saved");
    expect(MESSAGES.ko["studio.error.tooManyComments"]).toContain("저장되지 않았습니다");

    // An editor asking for changes with a note on a full draft: refused, and the draft stays in review.
    expect((await studio.submitDraft(db(), owner, id)).status).toBe(200);
    const asked = await studio.requestChanges(db(), editor, id, { body: "출처를 밝혀 주세요." }, limits);
    expect(asked.status).toBe(409);
    expect(asked.body.error).toBe("studio.error.tooManyComments");
    expect(await count("studio_comments")).toBe(before);
    const draft = (await studio.getDraft(db(), editor, id)).body.draft as { state: string };
    expect(draft.state).toBe("in_review");
    // Without a note it still goes back to the writer.
    expect((await studio.requestChanges(db(), editor, id, {}, limits)).status).toBe(200);
  });

  it(`allows ${DEFAULT_STUDIO_LIMITS.maxCommentsPerDraft} comments by default and refuses the next`, async () => {
    const owner = writer();
    const id = ((await studio.createDraft(db(), owner, content)).body.draft as { id: string }).id;
    await db()
      .insertInto("studio_comments")
      .values(
        Array.from({ length: DEFAULT_STUDIO_LIMITS.maxCommentsPerDraft - 1 }, (_, at) => ({
          draft_id: id,
          author: owner.address,
          body: `#${at}`,
        })),
      )
      .execute();
    expect((await studio.addComment(db(), owner, id, { body: "마지막" })).status).toBe(201);
    const refused = await studio.addComment(db(), owner, id, { body: "하나 더" });
    expect(refused.body).toEqual({ error: "studio.error.tooManyComments", max: 500 });
  });
});
