import type { Kysely } from "kysely";
import { formatEther, parseEventLogs } from "viem";
import type { ArticleMetadata } from "../../web/src/content/articleMetadata.ts";
import type { ArticleSource } from "../../web/src/content/loadArticleSource.ts";
import type { MasterKey } from "../../web/src/content/masterKey.ts";
import { packageArticle } from "../../web/src/content/packageArticle.ts";
import { publishArticle } from "../../web/src/contracts/writes.ts";
import type { Database } from "../../web/src/db/schema.ts";
import { articleEditionsAbi } from "../../web/src/generated/contracts.ts";
import { type IndexReader, IndexUnavailableError } from "../../web/src/indexer/createIndexReader.ts";
import { acquirePublishLock, type PublishLock } from "../../web/src/publishing/publishLock.ts";
import {
  NOTHING_SENT,
  type PublishRun,
  publishRunKey,
  readPublishRun,
  staleRunsOfSlug,
  updatePublishRun,
} from "../../web/src/publishing/publishRuns.ts";
import { recordUpload, uploadsOfRun } from "../../web/src/publishing/publishUploads.ts";
import { settleEarlierSend } from "../../web/src/publishing/settleEarlierSend.ts";
import { unpinUploads } from "../../web/src/publishing/unpinUploads.ts";
import { type ContentChain, sendContractWrite } from "./contentChain.ts";
import { findPublishedArticle } from "./findPublishedArticle.ts";
import type { PackageCache } from "./packageCache.ts";
import { publishParams, resolveAuthors } from "./publishParams.ts";

export interface PublishContext extends ContentChain {
  masterKey: MasterKey;
  siteUrl: string;
  /** The shared database: the publish lock and the record of each step live there. */
  db: Kysely<Database>;
  cache?: PackageCache;
  /** The event index, if one runs: finds content published before the database kept records. */
  index?: IndexReader;
}

export interface PublishResult {
  articleId: bigint;
  metadataCid: string;
  transactionHash?: `0x${string}`;
  alreadyPublished: boolean;
}

function describeSource(source: ArticleSource) {
  const { title, language, edition, premium } = source.frontmatter;
  const access = !premium ? "free" : premium.tier === "edition" ? "premium for edition holders" : `premium from pass level ${premium.tier}`;
  const supply = edition.max_supply === 0 ? "open edition" : `${edition.max_supply} editions`;
  return `"${title}" (${language}, ${access}, ${formatEther(edition.price_wei)} ETH, ${supply})`;
}

/**
 * Publishes a validated article exactly once per publication. One run per content digest at a
 * time (a lock in the database); each step is recorded as it finishes, so a run after a crash
 * reuses the uploads, waits for a transaction already sent instead of sending another, and
 * unpins what it replaced.
 */
export async function publishArticleFile(source: ArticleSource, context: PublishContext): Promise<PublishResult> {
  const log = context.log ?? (() => {});
  log(`Checked ${source.slug}: ${describeSource(source)}`);
  const key = publishRunKey(context.chainId, context.editions, source.contentDigest);
  const lock = await acquirePublishLock(context.db, { key, slug: source.slug }, (holder) =>
    log(`Another publish of this article is running (${holder}); waiting for it to finish`),
  );
  try {
    return await publishUnderLock(source, context, key, lock);
  } finally {
    await lock.release().catch(() => {});
  }
}

async function publishUnderLock(source: ArticleSource, context: PublishContext, key: string, lock: PublishLock) {
  const log = context.log ?? (() => {});
  const { publicClient, editions, db } = context;
  const account = context.walletClient.account;
  if (!account) throw new Error("The wallet client has no account to publish with.");
  const update = (patch: Parameters<typeof updatePublishRun>[3]) => updatePublishRun(db, key, lock.owner, patch);

  const settled = await settleEarlierRun(await readPublishRun(db, key), context, update);
  if (settled) return settled;

  // Published before this database kept records (or from another machine's): found by digest.
  const existing = await findPublishedByDigest(source.contentDigest, context);
  if (existing) {
    const metadataCid = existing.uri.slice("ipfs://".length);
    await update({ state: "published", article_id: existing.articleId.toString(), metadata_cid: metadataCid });
    log(`Already published as article ${existing.articleId} (${existing.uri}); nothing new to publish.`);
    return { articleId: existing.articleId, metadataCid, alreadyPublished: true };
  }

  const metadataCid = await packageOnce(source, context, key);
  const treasury = await publicClient.readContract({ address: editions, abi: articleEditionsAbi, functionName: "treasury" });
  lock.assertHeld();
  const sent = await sendContractWrite(
    publicClient,
    context.walletClient,
    publishArticle(editions, publishParams(source, metadataCid, account.address, treasury)),
    {
      beforeSend: async (nonce) => {
        const fromBlock = await publicClient.getBlockNumber();
        await update({
          state: "sending",
          metadata_cid: metadataCid,
          sender: account.address,
          nonce: String(nonce),
          from_block: String(fromBlock),
        });
      },
      onSent: async (hash) => {
        await update({ state: "sent", transaction_hash: hash });
        log(`Sent the publish transaction ${hash}; waiting for it to be mined`);
      },
      receiptTimeoutMs: 0,
    },
  ).catch(async (error) => {
    const run = await readPublishRun(db, key);
    // A revert seen in the receipt leaves nothing pending: the next run may send again.
    if (run.state === "sent" && /reverted/.test((error as Error).message)) await update(NOTHING_SENT);
    throw error;
  });
  // The id comes from the mined event, never from the simulation: another publish landing first
  // takes the id the simulation saw.
  const [published] = parseEventLogs({ abi: articleEditionsAbi, eventName: "ArticlePublished", logs: sent.receipt.logs }).filter(
    (event) => event.address.toLowerCase() === editions.toLowerCase(),
  );
  if (!published) {
    await update(NOTHING_SENT);
    throw new Error(
      `The publish transaction ${sent.hash} was mined without an ArticlePublished event from ${editions}, so the article was not published.`,
    );
  }
  const { articleId } = published.args;
  await update({ state: "published", article_id: articleId.toString() });
  log(`Published article ${articleId} in block ${sent.receipt.blockNumber}`);
  await unpinEditedVersions(source, context, key);
  return { articleId, metadataCid, transactionHash: sent.hash, alreadyPublished: false };
}

/**
 * What an earlier run of this digest left: published (checked on this chain, which a reset
 * replaces), or a transaction sent or being sent, waited for. Null when there is still
 * something to publish.
 */
async function settleEarlierRun(
  run: PublishRun,
  context: PublishContext,
  update: (patch: Parameters<typeof updatePublishRun>[3]) => Promise<void>,
): Promise<PublishResult | null> {
  const log = context.log ?? (() => {});
  if (run.state === "published" && run.article_id && run.metadata_cid) {
    const articleId = BigInt(run.article_id);
    const onChain = await context.reader.record(articleId).catch(() => null);
    if (onChain?.uri === `ipfs://${run.metadata_cid}`) {
      log(`Already published as article ${articleId} (ipfs://${run.metadata_cid}); nothing new to publish.`);
      return { articleId, metadataCid: run.metadata_cid, alreadyPublished: true };
    }
    log(`Article ${articleId}, recorded as this content, is not on this chain (was it reset?): publishing again`);
    await update(NOTHING_SENT);
    return null;
  }
  if ((run.state === "sending" || run.state === "sent") && run.sender && run.nonce !== null && run.from_block !== null) {
    const earlier = await settleEarlierSend(
      context.publicClient,
      context.editions,
      {
        sender: run.sender as `0x${string}`,
        nonce: Number(run.nonce),
        fromBlock: BigInt(run.from_block),
        transactionHash: run.transaction_hash as `0x${string}` | null,
      },
      log,
    );
    if (earlier.outcome === "published") {
      await update({ state: "published", article_id: earlier.articleId.toString(), transaction_hash: earlier.transactionHash });
      log(`The publish sent before was mined: article ${earlier.articleId} in block ${earlier.blockNumber}`);
      return {
        articleId: earlier.articleId,
        metadataCid: run.metadata_cid!,
        transactionHash: earlier.transactionHash,
        alreadyPublished: true,
      };
    }
    log("The publish transaction of an earlier run never landed; sending it again");
    await update(NOTHING_SENT);
    return null;
  }
  if (run.state === "abandoned") await update({ state: "uploading" });
  return null;
}

/**
 * Packages the article to IPFS, reusing what an earlier run of it uploaded (still pinned) and
 * recording each upload as it finishes; what a fresh upload replaces is unpinned.
 */
async function packageOnce(source: ArticleSource, context: PublishContext, key: string) {
  const log = context.log ?? (() => {});
  const { db, ipfs, editions } = context;
  const earlier = await uploadsOfRun(db, key);
  const cacheKey = `${context.chainId}:${editions.toLowerCase()}:${context.masterKey.id}:${source.contentDigest}`;
  if (earlier.size === 0) {
    const cached = await cachedPackage(context, cacheKey, source.contentDigest);
    if (cached) {
      log(`Reusing the package uploaded before: ${cached.metadataCid}`);
      for (const [step, upload] of packageUploads(cached.metadataCid, cached.metadata)) await recordUpload(db, key, step, upload);
      return cached.metadataCid;
    }
  }
  const replaced: string[] = [];
  const stillPinned = async (cid: string) => {
    try {
      for await (const _ of ipfs.pin.ls({ paths: [cid] }));
      return true;
    } catch {
      return false; // the IPFS data was deleted since: upload again
    }
  };
  const packaged = await packageArticle(source, {
    ipfs,
    masterKey: context.masterKey,
    chainId: context.chainId,
    editions,
    authors: resolveAuthors(source, context.walletClient.account!.address).map(({ name, address }) => ({ name, address })),
    siteUrl: context.siteUrl,
    onStep: (step) => log(step),
    uploads: {
      async reuse(step) {
        const upload = earlier.get(step);
        return upload && (await stillPinned(upload.cid)) ? upload : undefined;
      },
      async record(step, cid, detail) {
        const before = await recordUpload(db, key, step, { cid, detail });
        if (before) replaced.push(before);
      },
    },
  });
  await context.cache?.set(cacheKey, packaged.metadataCid);
  const unpinned = await unpinUploads(db, ipfs, key, replaced);
  if (unpinned.length > 0) log(`Unpinned ${unpinned.length} upload(s) of an earlier run that this one replaced`);
  return packaged.metadataCid;
}

/**
 * The package this machine made of the same content for the same publication and key before
 * its database was reset (the package cache outlives `npm run reset`), if it is still readable.
 */
async function cachedPackage(context: PublishContext, cacheKey: string, contentDigest: string) {
  const metadataCid = await context.cache?.get(cacheKey);
  if (!metadataCid) return null;
  const metadata = await context.reader.metadataAt(`ipfs://${metadataCid}`, 0n).catch(() => null);
  return metadata?.properties.content_digest === contentDigest ? { metadataCid, metadata } : null;
}

/** The uploads a package's metadata names, by step, so an abandon can unpin them. */
function packageUploads(metadataCid: string, metadata: ArticleMetadata) {
  const { preview, premium, images } = metadata.properties;
  const uploads = new Map<string, { cid: string; detail: unknown }>([
    ["metadata", { cid: metadataCid, detail: null }],
    ["preview", { cid: preview.cid, detail: null }],
  ]);
  for (const image of images) uploads.set(`image:${image.ref}`, { cid: image.cid, detail: null });
  if (premium) {
    const { cid, ...envelope } = premium;
    uploads.set("premium", { cid, detail: envelope });
  }
  return uploads;
}

/**
 * Once an article is on chain, the uploads of its earlier, edited versions that were never
 * published (the writer fixed a typo after an interrupted run) are unpinned.
 */
async function unpinEditedVersions(source: ArticleSource, context: PublishContext, key: string) {
  const { db, ipfs } = context;
  for (const staleKey of await staleRunsOfSlug(db, key, source.slug)) {
    // Marked first, and only if still unfinished and unheld, so no run is reusing what goes.
    const { numUpdatedRows } = await db
      .updateTable("publish_runs")
      .set({ state: "abandoned" })
      .where("key", "=", staleKey)
      .where("state", "=", "uploading")
      .where("lock_owner", "is", null)
      .executeTakeFirst();
    if (numUpdatedRows === 0n) continue;
    const uploads = [...(await uploadsOfRun(db, staleKey)).values()].map((upload) => upload.cid);
    const unpinned = await unpinUploads(db, ipfs, staleKey, uploads);
    if (unpinned.length > 0)
      context.log?.(`Unpinned ${unpinned.length} upload(s) of an earlier version of ${source.slug} that was never published`);
  }
}

/**
 * The article already published with this content digest, by one indexed lookup; when the index
 * does not answer, by reading every article's metadata (slow on a large archive, but correct).
 */
async function findPublishedByDigest(contentDigest: string, context: PublishContext) {
  const log = context.log ?? (() => {});
  if (context.index) {
    try {
      const listed = await context.index.articleByDigest(contentDigest);
      log(`Looked this content up in the index: ${listed ? `article ${listed.id}` : "not published yet"}`);
      return listed ? { articleId: listed.id, uri: `ipfs://${listed.cid}` } : null;
    } catch (error) {
      if (!(error instanceof IndexUnavailableError)) throw error;
      log(`The index did not answer (${error.message}); comparing with every published article instead`);
    }
  }
  const count = await context.publicClient.readContract({
    address: context.editions,
    abi: articleEditionsAbi,
    functionName: "articleCount",
  });
  log(`Looking for this content among ${count} published articles`);
  return findPublishedArticle(context.reader, count, contentDigest, (warning) => log(`  ${warning}`));
}
