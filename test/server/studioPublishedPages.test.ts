import { randomBytes } from "node:crypto";
import { getAddress } from "viem";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDraft, listPublished, moveDraft } from "../../web/src/studio/draftStore.ts";
import { startTestDatabase } from "../helpers/testDatabase.ts";

// /studio lists published articles a page at a time (a newsroom author may have hundreds): a
// writer pages through their own, an editor through every one the studio published.

const wallet = () => getAddress(`0x${randomBytes(20).toString("hex")}`);

let database: Awaited<ReturnType<typeof startTestDatabase>>;
beforeAll(async () => {
  database = await startTestDatabase();
});
afterAll(async () => {
  await database.db.destroy();
  await database.stop();
});

async function published(owner: string, articleId: bigint) {
  const draft = await createDraft(database.db, owner, { markdown: "본문", frontmatter: { title: `#${articleId}` } });
  await moveDraft(database.db, draft!.id, ["draft"], "published", articleId);
}

describe("published drafts, a page at a time", () => {
  it("pages through a writer's 60 articles newest first, none twice, none left out; an editor sees everyone's", async () => {
    const [writer, other] = [wallet(), wallet()];
    for (let id = 1n; id <= 60n; id++) await published(writer, id);
    await published(other, 61n);
    await createDraft(database.db, writer, { markdown: "아직 초안", frontmatter: {} }); // unpublished: never listed

    const seen: bigint[] = [];
    let before: bigint | undefined;
    for (;;) {
      const page = await listPublished(database.db, writer, false, { before, limit: 25 });
      seen.push(...page.map((row) => row.published_article_id));
      if (page.length < 25) break;
      before = page[page.length - 1]!.published_article_id;
    }
    expect(seen).toEqual(Array.from({ length: 60 }, (_, at) => 60n - BigInt(at)));

    const editorsFirst = await listPublished(database.db, wallet(), true, { limit: 2 });
    expect(editorsFirst.map((row) => [row.published_article_id, row.owner])).toEqual([
      [61n, other],
      [60n, writer],
    ]);
  });
});
