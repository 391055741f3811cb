import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { getAddress } from "viem";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { publishArticleFile } from "../../scripts/content/publishArticleFile.ts";
import { loadArticleSource } from "../../web/src/content/loadArticleSource.ts";
import { articleEditionsAbi } from "../../web/src/generated/contracts.ts";
import type { PublishCall } from "../../web/src/publishing/publishArticleSource.ts";
import { draftSourceText } from "../../web/src/studio/draftSource.ts";
import { reviveBigints } from "../../web/src/studio/publishCallJson.ts";
import type { StudioViewer } from "../../web/src/studio/studioAccess.ts";
import * as studio from "../../web/src/studio/studioActions.ts";
import { abandonPublishDraft, confirmPublishDraft, preparePublishDraft } from "../../web/src/studio/studioPublish.ts";
import { type ContentStack, startContentStack } from "../helpers/contentStack.ts";

// Publishing from the studio on the real content stack (embedded IPFS node, Hardhat's EVM with
// the publication deployed, the database): the server prepares, the editor's own wallet signs,
// the server confirms; and the CLI publishing the same content never makes a second article.

let stack: ContentStack;
let editor: StudioViewer;
let writer: StudioViewer;
beforeAll(async () => {
  stack = await startContentStack();
  // The deployer holds PUBLISHER_ROLE; wallet 5 is only on the writers list.
  editor = { address: getAddress(stack.wallets[0].account.address), isEditor: true, isWriter: false };
  writer = { address: getAddress(stack.wallets[5].account.address), isEditor: false, isWriter: true };
});
afterAll(() => stack?.stop());

const context = () => ({ ...stack.context, walletClient: undefined });
const db = () => stack.database.db;
const articleCount = () =>
  stack.publicClient.readContract({ address: stack.editions, abi: articleEditionsAbi, functionName: "articleCount" });
async function pins() {
  const cids = new Set<string>();
  for await (const pin of stack.ipfs.client.pin.ls()) cids.add(pin.cid.toString());
  return cids;
}

let variant = 0;
/** A Korean draft with a premium part, written and submitted by the writer. */
async function reviewedDraft() {
  variant++;
  const content = {
    markdown: `부산은 2019년 블록체인 규제자유특구가 되었다 (${variant}).\n\n<!-- premium -->\n\n유료 독자만 읽는 부분 ${variant}.`,
    frontmatter: {
      title: `부산 블록체인 주간 ${variant}`,
      slug: `studio-publish-${variant}`,
      summary: "규제자유특구 5년, 무엇이 남았나",
      language: "ko",
      published: "2026-11-26",
      edition: { price_wei: "5000000000000000", max_supply: 100 },
      premium: { tier: 1 },
    },
  };
  const created = await studio.createDraft(db(), writer, content);
  const id = (created.body.draft as { id: string }).id;
  expect((await studio.submitDraft(db(), writer, id)).status).toBe(200);
  return { id, content };
}

/** What the editor's page does: sends the prepared call from the editor's own wallet, with the nonce the server recorded. */
async function signAsEditor(prepared: Record<string, unknown>) {
  const { address, abi, functionName, args } = reviveBigints<PublishCall>(prepared.call);
  return stack.wallets[0].writeContract({
    address,
    abi,
    functionName,
    args,
    nonce: prepared.nonce as number,
    chain: stack.wallets[0].chain,
    account: stack.wallets[0].account,
  });
}

/** The same content as a file, as `npm run publish:article` reads it. */
function asFile(content: { markdown: string; frontmatter: Record<string, unknown> }) {
  const file = join(mkdtempSync(join(tmpdir(), "studio-cli-")), "article.ko.md");
  writeFileSync(file, draftSourceText(content));
  return file;
}

describe("publishing from the studio", () => {
  it("refuses a writer with 403 and pins, records and changes nothing", async () => {
    const { id } = await reviewedDraft();
    const pinsBefore = await pins();
    const runsBefore = await db().selectFrom("publish_runs").selectAll().execute();
    for (const answer of [
      await preparePublishDraft(db(), writer, id, context()),
      await confirmPublishDraft(db(), writer, id, { hash: `0x${"ab".repeat(32)}` }, context()),
      await abandonPublishDraft(db(), writer, id, context()),
    ]) {
      expect(answer.status).toBe(403);
      expect(answer.body.error).toBe("studio.error.editorsOnly");
    }
    expect(await pins()).toEqual(pinsBefore);
    expect(await db().selectFrom("publish_runs").selectAll().execute()).toEqual(runsBefore);
    expect((await studio.getDraft(db(), writer, id)).body.draft).toMatchObject({ state: "in_review" });
  });

  it("refuses an unsubmitted draft (its writer's alone) and one sent back for changes, before uploading anything", async () => {
    const created = await studio.createDraft(db(), writer, { markdown: "초안", frontmatter: { title: "아직" } });
    const pinsBefore = await pins();
    const unsubmitted = await preparePublishDraft(db(), editor, (created.body.draft as { id: string }).id, context());
    expect(unsubmitted).toMatchObject({ status: 403, body: { error: "studio.error.notYours" } });
    const { id } = await reviewedDraft();
    expect((await studio.requestChanges(db(), editor, id, { body: "출처를 밝혀 주세요." })).status).toBe(200);
    const sentBack = await preparePublishDraft(db(), editor, id, context());
    expect(sentBack).toMatchObject({ status: 409, body: { error: "studio.error.wrongState", state: "changes_requested" } });
    expect(await pins()).toEqual(pinsBefore);
  });

  it("publishes with the editor's own signature, and the CLI then finds it instead of publishing it twice", async () => {
    const { id, content } = await reviewedDraft();
    const before = await articleCount();
    const prepared = await preparePublishDraft(db(), editor, id, context());
    expect(prepared.status).toBe(200);
    expect(prepared.body.steps).toEqual(expect.arrayContaining([expect.stringMatching(/Checked studio-publish-\d+/)]));
    const hash = await signAsEditor(prepared.body);
    const confirmed = await confirmPublishDraft(db(), editor, id, { hash }, context());
    expect(confirmed.status).toBe(200);
    const { articleId } = confirmed.body.published as { articleId: string };
    expect(await articleCount()).toBe(before + 1n);
    expect(BigInt(articleId)).toBe(before + 1n);
    const record = await stack.reader.record(BigInt(articleId));
    expect(record.uri).toBe(`ipfs://${prepared.body.metadataCid}`);
    expect((await studio.getDraft(db(), editor, id)).body.draft).toMatchObject({ state: "published", published_article_id: articleId });

    const cli = await publishArticleFile(await loadArticleSource(asFile(content)), stack.context);
    expect(cli).toMatchObject({ articleId: BigInt(articleId), alreadyPublished: true });
    expect(await articleCount()).toBe(before + 1n);
  });

  it("makes the CLI wait while the editor signs, so a studio and a CLI publish of the same content make exactly one article", async () => {
    const { id, content } = await reviewedDraft();
    const before = await articleCount();
    const prepared = await preparePublishDraft(db(), editor, id, context());
    expect(prepared.status).toBe(200);
    const lines: string[] = [];
    const cli = publishArticleFile(await loadArticleSource(asFile(content)), { ...stack.context, log: (line) => lines.push(line) });
    await expect.poll(() => lines.some((line) => line.includes("Another publish of this article is running (studio:"))).toBe(true);
    const hash = await signAsEditor(prepared.body);
    expect((await confirmPublishDraft(db(), editor, id, { hash }, context())).status).toBe(200);
    expect(await cli).toMatchObject({ articleId: before + 1n, alreadyPublished: true });
    expect(await articleCount()).toBe(before + 1n);
  });

  it("resumes after a reload: the uploads are reused, and a transaction the page never reported is settled, not sent again", async () => {
    const { id } = await reviewedDraft();
    const before = await articleCount();
    const first = await preparePublishDraft(db(), editor, id, context());
    const pinsAfterFirst = await pins();
    // The page reloads before signing: the same package comes back, nothing uploaded again.
    const again = await preparePublishDraft(db(), editor, id, context());
    expect(again.body.metadataCid).toBe(first.body.metadataCid);
    expect(await pins()).toEqual(pinsAfterFirst);
    // The wallet sends, and the page dies before telling the server: the next prepare settles it.
    await signAsEditor(again.body);
    const resumed = await preparePublishDraft(db(), editor, id, context());
    expect(resumed.status).toBe(200);
    expect(resumed.body.published).toMatchObject({ articleId: String(before + 1n) });
    expect(await articleCount()).toBe(before + 1n);
  });

  it("abandons a prepared publish: nothing is sent, and the CLI may publish it at once", async () => {
    const { id, content } = await reviewedDraft();
    const before = await articleCount();
    expect((await preparePublishDraft(db(), editor, id, context())).status).toBe(200);
    expect(await abandonPublishDraft(db(), editor, id, context())).toMatchObject({ status: 200, body: { abandoned: true } });
    expect(await articleCount()).toBe(before);
    const lines: string[] = [];
    const cli = await publishArticleFile(await loadArticleSource(asFile(content)), { ...stack.context, log: (line) => lines.push(line) });
    expect(cli).toMatchObject({ articleId: before + 1n, alreadyPublished: false });
    expect(lines.some((line) => line.includes("Another publish"))).toBe(false);
    // The studio then finds it published rather than publishing it again.
    const studioAfter = await preparePublishDraft(db(), editor, id, context());
    expect(studioAfter.body.published).toMatchObject({ articleId: String(before + 1n) });
    expect(await articleCount()).toBe(before + 1n);
  });

  it("refuses a hash that did not publish this article, and lets the editor try again", async () => {
    const { id } = await reviewedDraft();
    const prepared = await preparePublishDraft(db(), editor, id, context());
    // Some other transaction from the editor takes the recorded nonce.
    const other = await stack.wallets[0].sendTransaction({
      to: stack.wallets[1].account.address,
      value: 1n,
      nonce: prepared.body.nonce as number,
      chain: stack.wallets[0].chain,
      account: stack.wallets[0].account,
    });
    const answer = await confirmPublishDraft(db(), editor, id, { hash: other }, context());
    expect(answer).toMatchObject({ status: 409, body: { error: "studio.publish.error.notPublished" } });
    const retry = await preparePublishDraft(db(), editor, id, context());
    expect(retry.status).toBe(200);
    expect(retry.body.nonce).toBe((prepared.body.nonce as number) + 1);
  });
});
