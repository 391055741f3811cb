import { type Kysely, sql } from "kysely";
import { type Address, getAddress, type Hash, parseEventLogs } from "viem";
import { ArticleSourceError } from "../content/articleSourceError.ts";
import { assembleArticleSource } from "../content/loadArticleSource.ts";
import { parseArticleSource } from "../content/parseArticleSource.ts";
import type { Database } from "../db/schema.ts";
import { articleEditionsAbi } from "../generated/contracts.ts";
import { acquirePublishLock } from "../publishing/publishLock.ts";
import {
  describeSource,
  type PublishSourceContext,
  preparePublish,
  publishKeyOf,
  recordMinedPublish,
} from "../publishing/publishArticleSource.ts";
import { NOTHING_SENT, updatePublishRun } from "../publishing/publishRuns.ts";
import { settleEarlierSend } from "../publishing/settleEarlierSend.ts";
import { draftSourceImages } from "./draftImages.ts";
import { draftProblem, draftSourceText } from "./draftSource.ts";
import { bigintsAsText } from "./publishCallJson.ts";
import * as drafts from "./draftStore.ts";
import type { StudioViewer } from "./studioAccess.ts";
import { ok, refuse, type StudioAnswer } from "./studioAnswer.ts";

// An editor publishes a reviewed draft in two requests around their own wallet's signature:
// `prepare` packages, encrypts and uploads on the server (the CLI's path, lock and step records)
// and answers the exact `publish` call with the nonce it will carry; `confirm` takes the hash the
// wallet returned and settles it on chain. Between the two, the run's lock is held for the signer
// (a signing lease), so a CLI publish of the same content waits instead of publishing it twice.

type Db = Kysely<Database>;

/** How long the editor has to sign before the run is free again (a CLI run then settles it by nonce). */
export const SIGNING_LEASE_SECONDS = 600;

/** The lock owner while an editor's wallet signs: known to both requests, never a live process. */
const signingOwner = (draftId: string, editor: string) => `studio:${draftId}:${editor.toLowerCase()}`;

/** A draft as the CLI would read it: the same parser, slug rule and content digest; its images stored with it, as files beside an article. */
export async function draftArticleSource(db: Db, draft: { id: string; markdown: string; frontmatter: unknown }) {
  const parsed = parseArticleSource(
    draftSourceText({ markdown: draft.markdown, frontmatter: draft.frontmatter as Record<string, unknown> }),
  );
  const titleSlug = parsed.frontmatter.title
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "");
  const images = await draftSourceImages(db, draft.id, parsed.images);
  return assembleArticleSource(parsed, titleSlug || `article-${draft.id.slice(0, 8)}`, images);
}

/** The draft `id` if this editor may publish it now, else the refusal (before anything is written). */
async function publishable(db: Db, viewer: StudioViewer, id: string) {
  if (!viewer.isEditor) return refuse(403, "studio.error.editorsOnly");
  const draft = await drafts.readDraft(db, id);
  if (!draft) return refuse(404, "studio.error.notFound");
  // An unsubmitted draft is its writer's alone, even to editors (as on every studio route).
  if (draft.state === "draft") return refuse(403, "studio.error.notYours");
  return draft;
}

const isAnswer = (value: unknown): value is StudioAnswer => typeof value === "object" && value !== null && "status" in value;

async function markPublished(db: Db, id: string, articleId: bigint, slug: string, lines: string[]) {
  await drafts.moveDraft(db, id, ["in_review"], "published", articleId);
  return ok({ published: { articleId: articleId.toString(), slug }, steps: lines });
}

/** Packages and uploads a reviewed draft (or finds it published) and answers the call to sign. */
export async function preparePublishDraft(db: Db, viewer: StudioViewer, id: string, context: PublishSourceContext) {
  const draft = await publishable(db, viewer, id);
  if (isAnswer(draft)) return draft;
  if (draft.state !== "in_review") return refuse(409, "studio.error.wrongState", { state: draft.state });
  const problem = draftProblem({ markdown: draft.markdown, frontmatter: draft.frontmatter as Record<string, unknown> });
  if (problem) return refuse(422, "studio.error.invalid", problem);

  const source = await draftArticleSource(db, draft).catch((error: unknown) => {
    if (!(error instanceof ArticleSourceError)) throw error;
    return refuse(422, "studio.error.invalid", { field: error.field, problem: error.message.slice(error.field.length + 2) });
  });
  if (isAnswer(source)) return source;
  const editor = getAddress(viewer.address);
  const lines: string[] = [];
  // Kept for the answer, and passed on as it happens (a streaming page shows it live).
  const log = (line: string) => {
    lines.push(line);
    context.log?.(line);
  };
  const ctx = { ...context, log };
  log(`Checked ${source.slug}: ${describeSource(source)}`);
  const key = publishKeyOf(source, context);
  const signer = signingOwner(id, editor);
  // A reload mid-way: this editor's own signing lease ends, and the run settles what it recorded.
  await db.updateTable("publish_runs").set({ lock_owner: null }).where("key", "=", key).where("lock_owner", "=", signer).execute();
  const lock = await acquirePublishLock(db, { key, slug: source.slug }, (holder) =>
    log(`Another publish of this article is running (${holder}); waiting for it to finish`),
  );
  try {
    const prepared = await preparePublish(source, ctx, editor, key, lock);
    if ("done" in prepared) return await markPublished(db, id, prepared.done.articleId, source.slug, lines);
    const { publicClient } = context;
    const [nonce, fromBlock] = await Promise.all([
      publicClient.getTransactionCount({ address: editor, blockTag: "pending" }),
      publicClient.getBlockNumber(),
    ]);
    lock.assertHeld();
    await updatePublishRun(db, key, lock.owner, {
      state: "sending",
      metadata_cid: prepared.metadataCid,
      sender: editor,
      nonce: String(nonce),
      from_block: String(fromBlock),
    });
    // Handed from this request to the editor's signature, in one statement (only if still ours).
    await db
      .updateTable("publish_runs")
      .set({ lock_owner: signer, lock_expires_at: sql<Date>`now() + make_interval(secs => ${SIGNING_LEASE_SECONDS})` })
      .where("key", "=", key)
      .where("lock_owner", "=", lock.owner)
      .execute();
    log(`Ready to sign: ipfs://${prepared.metadataCid}`);
    return ok({ call: bigintsAsText(prepared.call), nonce, metadataCid: prepared.metadataCid, slug: source.slug, steps: lines });
  } finally {
    await lock.release().catch(() => {});
  }
}

/** Settles the transaction the editor's wallet sent (by its hash, else by the recorded nonce) and marks the draft published. */
export async function confirmPublishDraft(db: Db, viewer: StudioViewer, id: string, body: unknown, context: PublishSourceContext) {
  const draft = await publishable(db, viewer, id);
  if (isAnswer(draft)) return draft;
  const hash = (body as { hash?: unknown } | null)?.hash;
  if (typeof hash !== "string" || !/^0x[0-9a-fA-F]{64}$/.test(hash)) {
    return refuse(400, "studio.error.badInput", { detail: "hash must be a transaction hash" });
  }
  if (draft.state === "published") return ok({ published: { articleId: draft.published_article_id }, steps: [] });
  if (draft.state !== "in_review") return refuse(409, "studio.error.wrongState", { state: draft.state });
  const source = await draftArticleSource(db, draft);
  const key = publishKeyOf(source, context);
  const signer = signingOwner(id, viewer.address);
  const run = await db.selectFrom("publish_runs").selectAll().where("key", "=", key).executeTakeFirst();
  if (run?.state === "published" && run.article_id) return markPublished(db, id, BigInt(run.article_id), source.slug, []);
  if (
    !run ||
    run.lock_owner !== signer ||
    (run.state !== "sending" && run.state !== "sent") ||
    !run.sender ||
    run.nonce === null ||
    run.from_block === null
  ) {
    return refuse(409, "studio.publish.error.notPrepared");
  }
  const lines: string[] = [];
  const ctx = { ...context, log: (line: string) => lines.push(line) };
  const update = (patch: Parameters<typeof updatePublishRun>[3]) => updatePublishRun(db, key, signer, patch);
  const release = () =>
    db
      .updateTable("publish_runs")
      .set({ lock_owner: null, lock_expires_at: null })
      .where("key", "=", key)
      .where("lock_owner", "=", signer)
      .execute();
  await update({ state: "sent", transaction_hash: hash });
  lines.push(`Sent the publish transaction ${hash}; waiting for it to be mined`);

  // The hash the page reported, if it is the publish of this package; else what the recorded nonce became.
  const { publicClient, editions } = context;
  const receipt = await publicClient.waitForTransactionReceipt({ hash: hash as Hash, timeout: 60_000 }).catch(() => null);
  const publishesThis = (logs: NonNullable<typeof receipt>["logs"]) =>
    parseEventLogs({ abi: articleEditionsAbi, eventName: "ArticlePublished", logs }).some(
      (event) => event.address.toLowerCase() === editions.toLowerCase() && event.args.params?.uri === `ipfs://${run.metadata_cid}`,
    );
  let mined = receipt?.status === "success" && publishesThis(receipt.logs) ? { hash: hash as Hash, receipt } : null;
  if (!mined) {
    const earlier = await settleEarlierSend(publicClient, editions, {
      sender: run.sender as Address,
      nonce: Number(run.nonce),
      fromBlock: BigInt(run.from_block),
      transactionHash: hash as Hash,
    });
    if (earlier.outcome === "published") {
      mined = { hash: earlier.transactionHash, receipt: await publicClient.getTransactionReceipt({ hash: earlier.transactionHash }) };
    }
  }
  if (!mined) {
    await update(NOTHING_SENT);
    await release();
    return refuse(409, "studio.publish.error.notPublished");
  }
  try {
    const articleId = await recordMinedPublish(source, ctx, key, update, mined.hash, mined.receipt);
    return await markPublished(db, id, articleId, source.slug, lines);
  } finally {
    await release();
  }
}

/**
 * Gives up a prepared publish the editor will not sign: a transaction already sent with the
 * recorded nonce is settled first (it may have published), else the run is free again with its
 * uploads kept for the next try (the CLI's `publish:abandon` unpins them).
 */
export async function abandonPublishDraft(db: Db, viewer: StudioViewer, id: string, context: PublishSourceContext) {
  const draft = await publishable(db, viewer, id);
  if (isAnswer(draft)) return draft;
  if (draft.state !== "in_review") return refuse(409, "studio.error.wrongState", { state: draft.state });
  const source = await draftArticleSource(db, draft);
  const key = publishKeyOf(source, context);
  const signer = signingOwner(id, viewer.address);
  const run = await db.selectFrom("publish_runs").selectAll().where("key", "=", key).executeTakeFirst();
  if (!run || run.lock_owner !== signer) return ok({ abandoned: false });
  if (run.sender && run.nonce !== null && run.from_block !== null) {
    const earlier = await settleEarlierSend(context.publicClient, context.editions, {
      sender: run.sender as Address,
      nonce: Number(run.nonce),
      fromBlock: BigInt(run.from_block),
      transactionHash: run.transaction_hash as Hash | null,
    });
    if (earlier.outcome === "published") return confirmPublishDraft(db, viewer, id, { hash: earlier.transactionHash }, context);
  }
  await db
    .updateTable("publish_runs")
    .set({ ...NOTHING_SENT, lock_owner: null, lock_expires_at: null })
    .where("key", "=", key)
    .where("lock_owner", "=", signer)
    .execute();
  return ok({ abandoned: true });
}

/** The run record of a draft's content, for the page after a reload (what step it reached). */
export async function publishProgress(
  db: Db,
  viewer: StudioViewer,
  id: string,
  context: Pick<PublishSourceContext, "chainId" | "editions">,
) {
  const draft = await publishable(db, viewer, id);
  if (isAnswer(draft)) return draft;
  if (draft.state === "changes_requested") return ok({ run: null });
  const run = await db
    .selectFrom("publish_runs")
    .select(["state", "metadata_cid", "transaction_hash", "article_id", "lock_owner"])
    .where("key", "=", publishKeyOf(await draftArticleSource(db, draft), context))
    .executeTakeFirst();
  return ok({ run: run ? { ...run, awaitingSignature: run.lock_owner === signingOwner(id, viewer.address) } : null });
}
