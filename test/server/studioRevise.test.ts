import { getAddress } from "viem";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { articleEditionsAbi } from "../../web/src/generated/contracts.ts";
import { sendContractWrite } from "../../scripts/content/contentChain.ts";
import type { PublishCall } from "../../web/src/publishing/publishArticleSource.ts";
import { reviveBigints } from "../../web/src/studio/publishCallJson.ts";
import type { StudioViewer } from "../../web/src/studio/studioAccess.ts";
import * as studio from "../../web/src/studio/studioActions.ts";
import { confirmPublishDraft, preparePublishDraft } from "../../web/src/studio/studioPublish.ts";
import { confirmReviseDraft, prepareReviseDraft } from "../../web/src/studio/studioRevise.ts";
import { MAX_UNLIST_REASON_BYTES, prepareUnlist } from "../../web/src/studio/studioUnlist.ts";
import { type ContentStack, startContentStack } from "../helpers/contentStack.ts";

// Revising and unlisting from the studio on the real content stack (embedded IPFS node, Hardhat's
// EVM, the database): only editors, through the publish path's packaging, signed by the editor's
// own wallet; the article keeps its slug and premium level, and its old CIDs stay pinned.

let stack: ContentStack;
let editor: StudioViewer;
let writer: StudioViewer;
beforeAll(async () => {
  stack = await startContentStack();
  editor = { address: getAddress(stack.wallets[0].account.address), isEditor: true, isWriter: false };
  writer = { address: getAddress(stack.wallets[5].account.address), isEditor: false, isWriter: true };
});
afterAll(() => stack?.stop());

const context = () => ({ ...stack.context, walletClient: undefined });
const db = () => stack.database.db;
const uriOf = (articleId: bigint) =>
  stack.publicClient.readContract({ address: stack.editions, abi: articleEditionsAbi, functionName: "uri", args: [articleId] });
async function pins() {
  const cids = new Set<string>();
  for await (const pin of stack.ipfs.client.pin.ls()) cids.add(pin.cid.toString());
  return cids;
}

/** What the editor's page does: sends the call the server built from the editor's own wallet. */
async function signAsEditor(call: unknown) {
  // Every studio call (publish, revise, unlist) is an ArticleEditions write, shaped as the publish call.
  const { hash } = await sendContractWrite(stack.publicClient, stack.wallets[0], reviveBigints<PublishCall>(call));
  return hash;
}

const FRONTMATTER = {
  title: "광안대교 야간 통제",
  slug: "studio-revise-bridge",
  summary: "다리 보수 공사로 밤마다 통제된다.",
  language: "ko",
  published: "2026-11-27",
  edition: { price_wei: "1000000000000000", max_supply: 10 },
  premium: { tier: 1 },
};

let draftId: string;
let articleId: bigint;
let firstUri: string;
let publishHash: `0x${string}`;

describe("revising from the studio", () => {
  it("publishes the draft first (the studio's publish)", async () => {
    const created = await studio.createDraft(db(), writer, {
      markdown: "밤 11시부터 새벽 5시까지 통제된다.\n\n<!-- premium -->\n\n공사비는 40억 원이다.",
      frontmatter: FRONTMATTER,
    });
    draftId = (created.body.draft as { id: string }).id;
    expect((await studio.submitDraft(db(), writer, draftId)).status).toBe(200);
    const prepared = await preparePublishDraft(db(), editor, draftId, context());
    publishHash = await signAsEditor(prepared.body.call);
    const confirmed = await confirmPublishDraft(db(), editor, draftId, { hash: publishHash }, context());
    articleId = BigInt((confirmed.body.published as { articleId: string }).articleId);
    firstUri = await uriOf(articleId);
  });

  it("refuses a writer (even the draft's own) before packaging anything; the writer cannot edit it either", async () => {
    const pinsBefore = await pins();
    for (const answer of [
      await prepareReviseDraft(db(), writer, draftId, context()),
      await confirmReviseDraft(db(), writer, draftId, { hash: publishHash }, context()),
    ]) {
      expect(answer).toMatchObject({ status: 403, body: { error: "studio.error.editorsOnly" } });
    }
    const draft = (await studio.getDraft(db(), writer, draftId)).body.draft as { version: number };
    const edit = await studio.saveDraft(db(), writer, draftId, { version: draft.version, markdown: "고침", frontmatter: FRONTMATTER });
    expect(edit.status).toBe(409);
    expect(await pins()).toEqual(pinsBefore);
    expect(await uriOf(articleId)).toBe(firstUri);
  });

  it("packages the editor's correction and revises the article, keeping its slug; the old CIDs stay pinned", async () => {
    const draft = (await studio.getDraft(db(), editor, draftId)).body.draft as { version: number };
    // A new title would make a new slug for a new article; a revision keeps the live one.
    const saved = await studio.saveDraft(db(), editor, draftId, {
      version: draft.version,
      markdown: "밤 11시 30분부터 새벽 5시까지 통제된다(정정).\n\n<!-- premium -->\n\n공사비는 42억 원이다.",
      frontmatter: { ...FRONTMATTER, title: "광안대교 야간 통제 (정정)", slug: undefined },
    });
    expect(saved.status).toBe(200);
    const unchangedCall = await confirmReviseDraft(db(), editor, draftId, { hash: publishHash }, context());
    expect(unchangedCall).toMatchObject({ status: 409, body: { error: "studio.revise.error.notRevised" } });

    const prepared = await prepareReviseDraft(db(), editor, draftId, context());
    expect(prepared.status, JSON.stringify(prepared.body)).toBe(200);
    const uri = prepared.body.uri as string;
    expect(uri).not.toBe(firstUri);
    const hash = await signAsEditor(prepared.body.call);
    const confirmed = await confirmReviseDraft(db(), editor, draftId, { hash }, context());
    expect(confirmed).toMatchObject({ status: 200, body: { revised: { articleId: String(articleId), uri } } });
    expect(await uriOf(articleId)).toBe(uri);
    const { metadata } = await stack.context.reader.article(articleId);
    expect([metadata.name, metadata.properties.slug]).toEqual(["광안대교 야간 통제 (정정)", FRONTMATTER.slug]);
    expect(await pins()).toContain(firstUri.slice("ipfs://".length));

    // The same text again: the article already shows it.
    expect(await prepareReviseDraft(db(), editor, draftId, context())).toMatchObject({
      status: 409,
      body: { error: "studio.revise.error.unchanged" },
    });
  });

  it("refuses a revision that would move the premium level the chain keeps", async () => {
    const draft = (await studio.getDraft(db(), editor, draftId)).body.draft as { version: number; markdown: string };
    await studio.saveDraft(db(), editor, draftId, {
      version: draft.version,
      markdown: "프리미엄 없이 전부 공개.",
      frontmatter: { ...FRONTMATTER, premium: undefined },
    });
    expect(await prepareReviseDraft(db(), editor, draftId, context())).toMatchObject({
      status: 422,
      body: { error: "studio.revise.error.premiumLevel", level: 1 },
    });
  });
});

describe("unlisting from the studio", () => {
  it("answers the unlist call to editors only, for a reason the contract takes", () => {
    expect(prepareUnlist(writer, "1", { reason: "legal" }, stack.editions)).toMatchObject({ status: 403 });
    for (const reason of [undefined, "", "   "]) {
      expect(prepareUnlist(editor, "1", { reason }, stack.editions).body.error).toBe("studio.unlist.error.reasonRequired");
    }
    expect(prepareUnlist(editor, "1", { reason: "가".repeat(167) }, stack.editions).body).toEqual({
      error: "studio.unlist.error.reasonTooLong",
      bytes: 501,
      max: MAX_UNLIST_REASON_BYTES,
    });
    expect(prepareUnlist(editor, "0x1", { reason: "legal" }, stack.editions).status).toBe(404);
    const answer = prepareUnlist(editor, String(articleId), { reason: "  법적 요청  " }, stack.editions);
    expect(reviveBigints<PublishCall>(answer.body.call)).toMatchObject({ functionName: "unlist", args: [articleId, "법적 요청"] });
  });

  it("an unlisted article cannot be revised", async () => {
    await signAsEditor(prepareUnlist(editor, String(articleId), { reason: "법적 요청" }, stack.editions).body.call);
    expect(await prepareReviseDraft(db(), editor, draftId, context())).toMatchObject({
      status: 409,
      body: { error: "studio.revise.error.unlisted" },
    });
  });
});
