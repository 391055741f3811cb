import type { Kysely } from "kysely";
import { getAddress, type Hash, parseEventLogs, zeroAddress } from "viem";
import { assembleArticleSource } from "../content/loadArticleSource.ts";
import { parseArticleSource } from "../content/parseArticleSource.ts";
import { reviseArticle } from "../contracts/writes.ts";
import type { Database } from "../db/schema.ts";
import { articleEditionsAbi } from "../generated/contracts.ts";
import { acquirePublishLock } from "../publishing/publishLock.ts";
import { describeSource, type PublishSourceContext, packageOnce, publishKeyOf } from "../publishing/publishArticleSource.ts";
import { publishParams } from "../publishing/publishParams.ts";
import { draftProblem, draftSourceText } from "./draftSource.ts";
import * as drafts from "./draftStore.ts";
import { bigintsAsText } from "./publishCallJson.ts";
import type { StudioViewer } from "./studioAccess.ts";
import { ok, refuse, type StudioAnswer } from "./studioAnswer.ts";

// An editor revises a published article from its draft (a correction, a new cover), in two
// requests around their wallet's signature like a publish: `prepare` packages the draft's current
// text through the publish path (same packaging, lock and upload records, keyed by its content
// digest) and answers the exact `revise` call; `confirm` checks the mined transaction revised
// this article. `revise` only points the article at new metadata, so sending it twice is
// harmless: no nonce bookkeeping is needed, and a prepare after a lost confirm finds the article
// already showing the package ("unchanged"). The article keeps its id, slug, sale and terms: a
// revision may not move its premium level, which the chain keeps.

type Db = Kysely<Database>;

const isAnswer = (value: unknown): value is StudioAnswer => typeof value === "object" && value !== null && "status" in value;

/** The published draft and its article, if this editor may revise it now (role read for this request). */
async function revisable(db: Db, viewer: StudioViewer, id: string) {
  if (!viewer.isEditor) return refuse(403, "studio.error.editorsOnly");
  const draft = await drafts.readDraft(db, id);
  if (!draft) return refuse(404, "studio.error.notFound");
  if (draft.state !== "published" || !draft.published_article_id) return refuse(409, "studio.revise.error.notPublished");
  return { draft, articleId: BigInt(draft.published_article_id) };
}

/** The draft as the CLI would read it, under the slug the article already has (its URL stays). */
function revisionSource(draft: drafts.Draft, slug: string) {
  const parsed = parseArticleSource(
    draftSourceText({ markdown: draft.markdown, frontmatter: draft.frontmatter as Record<string, unknown> }),
  );
  return assembleArticleSource({ ...parsed, frontmatter: { ...parsed.frontmatter, slug } }, slug, []);
}

/** Packages the draft's current text and answers the `revise` call for the editor's wallet. */
export async function prepareReviseDraft(db: Db, viewer: StudioViewer, id: string, context: PublishSourceContext) {
  const found = await revisable(db, viewer, id);
  if (isAnswer(found)) return found;
  const { draft, articleId } = found;
  const problem = draftProblem({ markdown: draft.markdown, frontmatter: draft.frontmatter as Record<string, unknown> });
  if (problem) return refuse(422, "studio.error.invalid", problem);
  // The chain, not the index: the article as it stands at the latest block, its slug from the metadata it shows.
  const { editions, publicClient } = context;
  const unlisted = await publicClient.readContract({
    address: editions,
    abi: articleEditionsAbi,
    functionName: "isUnlisted",
    args: [articleId],
  });
  if (unlisted) return refuse(409, "studio.revise.error.unlisted");
  const live = await context.reader.article(articleId);
  const source = revisionSource(draft, live.metadata.properties.slug);
  // The premium level is on chain for good: a revision that would move it would lock out, or let in, the wrong readers.
  const premiumLevel = publishParams(source, "", getAddress(viewer.address), zeroAddress).premiumLevel;
  if (premiumLevel !== live.terms.premiumLevel) {
    return refuse(422, "studio.revise.error.premiumLevel", { level: live.terms.premiumLevel });
  }
  const lines: string[] = [];
  const ctx = { ...context, log: (line: string) => lines.push(line) };
  ctx.log(`Checked the revision of article ${articleId}: ${describeSource(source)}`);
  const key = publishKeyOf(source, context);
  const lock = await acquirePublishLock(db, { key, slug: source.slug }, (holder) =>
    ctx.log(`Another run of this version is packaging (${holder}); waiting for it to finish`),
  );
  try {
    const metadataCid = await packageOnce(source, ctx, getAddress(viewer.address), key);
    const uri = `ipfs://${metadataCid}`;
    if (live.uri === uri) return refuse(409, "studio.revise.error.unchanged", { steps: lines });
    ctx.log(`Ready to sign: article ${articleId} → ${uri}`);
    return ok({ call: bigintsAsText(reviseArticle(context.editions, articleId, uri)), uri, steps: lines });
  } finally {
    await lock.release().catch(() => {});
  }
}

/** Accepts the editor's transaction if its receipt holds this article's `ArticleRevised`, and records it. */
export async function confirmReviseDraft(db: Db, viewer: StudioViewer, id: string, body: unknown, context: PublishSourceContext) {
  const found = await revisable(db, viewer, id);
  if (isAnswer(found)) return found;
  const hash = (body as { hash?: unknown } | null)?.hash;
  if (typeof hash !== "string" || !/^0x[0-9a-fA-F]{64}$/.test(hash)) {
    return refuse(400, "studio.error.badInput", { detail: "hash must be a transaction hash" });
  }
  const receipt = await context.publicClient.waitForTransactionReceipt({ hash: hash as Hash, timeout: 60_000 }).catch(() => null);
  const revised =
    receipt?.status === "success"
      ? parseEventLogs({ abi: articleEditionsAbi, eventName: "ArticleRevised", logs: receipt.logs }).find(
          (event) => event.address.toLowerCase() === context.editions.toLowerCase() && event.args.articleId === found.articleId,
        )
      : undefined;
  if (!revised) return refuse(409, "studio.revise.error.notRevised");
  const uri = revised.args.uri;
  // The package's run now stands for this article: the CLI, given the same text, finds it published.
  await db
    .updateTable("publish_runs")
    .set({
      state: "published",
      article_id: found.articleId.toString(),
      metadata_cid: uri.slice("ipfs://".length),
      transaction_hash: hash,
      updated_at: new Date(),
    })
    .where("state", "!=", "published")
    .where("lock_owner", "is", null)
    .where("key", "in", db.selectFrom("publish_uploads").select("run_key").where("step", "=", "metadata").where("cid", "=", uri.slice(7)))
    .execute();
  return ok({ revised: { articleId: found.articleId.toString(), uri }, steps: [`Revised article ${found.articleId} to ${uri}`] });
}
