import { randomBytes } from "node:crypto";
import { sql } from "kysely";
import { getAddress } from "viem";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { moveDraft } from "../../web/src/studio/draftStore.ts";
import type { StudioViewer } from "../../web/src/studio/studioAccess.ts";
import * as studio from "../../web/src/studio/studioActions.ts";
import { startTestDatabase } from "../helpers/testDatabase.ts";

// A draft says which coverage commission it answers: its writer while editing, an editor while it
// is in review; only an open commission, and every refusal leaves the draft as it was.

const wallet = () => getAddress(`0x${randomBytes(20).toString("hex")}`);
const editor: StudioViewer = { address: wallet(), isEditor: true, isWriter: false };
const writer: StudioViewer = { address: wallet(), isEditor: false, isWriter: true };
const otherWriter: StudioViewer = { address: wallet(), isEditor: false, isWriter: true };
const reader: StudioViewer = { address: wallet(), isEditor: false, isWriter: false };

const FRONTMATTER = {
  title: "제주 웹3 섬 계획, 돈은 어디로 갔나",
  summary: "멤버들이 의뢰한 취재",
  language: "ko",
  published: "2026-11-27",
  edition: { price_wei: "1000000000000000", max_supply: 10 },
};

/** Commissions 3 and 7 wait for an article; every other number is closed or unknown. */
const isOpen = async (id: bigint) => id === 3n || id === 7n;

let database: Awaited<ReturnType<typeof startTestDatabase>>;
beforeAll(async () => {
  database = await startTestDatabase();
});
afterAll(async () => {
  await database.db.destroy();
  await database.stop();
});
const db = () => database.db;
const row = (id: string) => db().selectFrom("studio_drafts").selectAll().where("id", "=", id).executeTakeFirstOrThrow();
const answer = (viewer: StudioViewer, id: string, commissionId: unknown) =>
  studio.answerCommission(db(), viewer, id, { commissionId }, isOpen);

describe("a draft's commission", () => {
  it("is a nullable column added by its own migration", async () => {
    const applied = await sql<{ name: string }>`select name from kysely_migration order by name`.execute(db());
    expect(applied.rows.map((r) => r.name)).toContain("2026-11-27-006-draft-commission");
    const created = await studio.createDraft(db(), writer, { markdown: "본문", frontmatter: FRONTMATTER });
    expect((created.body.draft as { commission_id: unknown }).commission_id).toBeNull();
  });

  it("is set by its writer to an open commission, and cleared; the draft's version stays", async () => {
    const { body } = await studio.createDraft(db(), writer, { markdown: "본문", frontmatter: FRONTMATTER });
    const draft = body.draft as { id: string; version: number };
    const set = await answer(writer, draft.id, "3");
    expect(set.status).toBe(200);
    expect((await row(draft.id)).commission_id).toBe("3");
    expect((await row(draft.id)).version).toBe(draft.version);
    expect((await answer(writer, draft.id, null)).status).toBe(200);
    expect((await row(draft.id)).commission_id).toBeNull();
  });

  it("refuses a closed or unknown commission, malformed input, and people without the right; nothing changes", async () => {
    const { body } = await studio.createDraft(db(), writer, { markdown: "본문", frontmatter: FRONTMATTER });
    const id = (body.draft as { id: string }).id;
    await answer(writer, id, "7");
    const before = await row(id);
    const closed = await answer(writer, id, "4");
    expect(closed).toEqual({ status: 422, body: { error: "desk.draft.notOpen", commissionId: "4" } });
    for (const bad of ["abc", "0", "-1", 3, "1".repeat(21), { id: 3 }, undefined]) {
      const refused = await answer(writer, id, bad);
      expect(refused.status).toBe(400);
      expect(refused.body.error).toBe("studio.error.badInput");
    }
    expect((await answer(otherWriter, id, "3")).body.error).toBe("studio.error.notYours");
    expect((await answer(reader, id, "3")).body.error).toBe("studio.error.notInTeam");
    // An editor sees no draft before it is submitted.
    expect((await answer(editor, id, "3")).status).toBe(403);
    expect((await answer(writer, "not-a-draft", "3")).status).toBe(404);
    expect(await row(id)).toEqual(before);
  });

  it("in review, is the editor's to change, not the writer's; once published, nobody's", async () => {
    const { body } = await studio.createDraft(db(), writer, { markdown: "본문", frontmatter: FRONTMATTER });
    const id = (body.draft as { id: string }).id;
    expect((await answer(writer, id, "3")).status).toBe(200);
    expect((await studio.submitDraft(db(), writer, id)).status).toBe(200);
    const inReview = await answer(writer, id, "7");
    expect(inReview).toEqual({ status: 409, body: { error: "studio.error.wrongState", state: "in_review" } });
    expect((await answer(editor, id, "7")).status).toBe(200);
    expect((await row(id)).commission_id).toBe("7");
    await moveDraft(db(), id, ["in_review"], "published", 12n);
    expect((await answer(editor, id, "3")).status).toBe(409);
    expect((await answer(writer, id, null)).status).toBe(409);
    expect((await row(id)).commission_id).toBe("7");
  });
});
