import type { KuboRPCClient } from "kubo-rpc-client";
import type { Kysely } from "kysely";
import { type Address, formatEther, type Hash, parseEventLogs, type PublicClient, type TransactionReceipt } from "viem";
import type { ArticleMetadata } from "../content/articleMetadata.ts";
import type { ArticleReader } from "../content/createArticleReader.ts";
import type { ArticleSource } from "../content/loadArticleSource.ts";
import type { MasterKey } from "../content/masterKey.ts";
import { type PackageContext, packageArticle } from "../content/packageArticle.ts";
import { publishArticle } from "../contracts/writes.ts";
import type { Database } from "../db/schema.ts";
import { articleEditionsAbi } from "../generated/contracts.ts";
import { type IndexReader, IndexUnavailableError } from "../indexer/createIndexReader.ts";
import { findPublishedArticle } from "./findPublishedArticle.ts";
import { acquirePublishLock, type PublishLock } from "./publishLock.ts";
import { publishParams, resolveAuthors } from "./publishParams.ts";
import { NOTHING_SENT, type PublishRun, publishRunKey, readPublishRun, staleRunsOfSlug, updatePublishRun } from "./publishRuns.ts";
import { recordUpload, uploadsOfRun } from "./publishUploads.ts";
import { settleEarlierSend } from "./settleEarlierSend.ts";
import { unpinUploads } from "./unpinUploads.ts";

// One publish path with two faces: the CLI (scripts/content/publishArticleFile.ts) sends the
// transaction from its own key; the studio hands the same call to the editor's wallet. Both
// package, upload and record each step here, under the same lock per content digest.

/** What a publish works with on the server: the chain, IPFS, the master key and the database. */
export interface PublishSourceContext {
  publicClient: PublicClient;
  chainId: number;
  editions: Address;
  ipfs: Pick<KuboRPCClient, "add" | "pin">;
  reader: ArticleReader;
  masterKey: MasterKey;
  siteUrl: string;
  /** The shared database: the publish lock and the record of each step live there. */
  db: Kysely<Database>;
  cache?: { get(key: string): Promise<string | undefined>; set(key: string, metadataCid: string): Promise<void> };
  /** The event index, if one runs: finds content published before the database kept records. */
  index?: IndexReader;
  /** One line per step and file, as it happens. */
  log?: (line: string) => void;
  /** Each upload's progress, file by file (the studio's progress bars). */
  onUploadProgress?: PackageContext["onUploadProgress"];
}

export interface PublishResult {
  articleId: bigint;
  metadataCid: string;
  transactionHash?: `0x${string}`;
  alreadyPublished: boolean;
}

export type PublishCall = ReturnType<typeof publishArticle>;
type RunUpdate = (patch: Parameters<typeof updatePublishRun>[3]) => Promise<void>;

/** Sends the publish call: `beforeSend` records the nonce first, `onSent` the hash; resolves with the mined receipt. */
export type PublishSend = (
  call: PublishCall,
  hooks: { beforeSend: (nonce: number) => Promise<void>; onSent: (hash: Hash) => Promise<void> },
) => Promise<{ hash: Hash; receipt: TransactionReceipt }>;

export const publishKeyOf = (source: ArticleSource, context: Pick<PublishSourceContext, "chainId" | "editions">) =>
  publishRunKey(context.chainId, context.editions, source.contentDigest);

/**
 * Publishes a validated article exactly once per publication. One run per content digest at a
 * time (a lock in the database); each step is recorded as it finishes, so a run after a crash
 * reuses the uploads, waits for a transaction already sent instead of sending another, and
 * unpins what it replaced.
 */
export async function publishArticleSource(
  source: ArticleSource,
  context: PublishSourceContext & { publisher: Address; send: PublishSend },
): Promise<PublishResult> {
  const log = context.log ?? (() => {});
  log(`Checked ${source.slug}: ${describeSource(source)}`);
  const key = publishKeyOf(source, context);
  const lock = await acquirePublishLock(context.db, { key, slug: source.slug }, (holder) =>
    log(`Another publish of this article is running (${holder}); waiting for it to finish`),
  );
  try {
    const { db, publicClient } = context;
    const update: RunUpdate = (patch) => updatePublishRun(db, key, lock.owner, patch);
    const prepared = await preparePublish(source, context, context.publisher, key, lock);
    if ("done" in prepared) return prepared.done;
    const { metadataCid, call } = prepared;
    lock.assertHeld();
    const sent = await context
      .send(call, {
        beforeSend: async (nonce) => {
          const fromBlock = await publicClient.getBlockNumber();
          await update({
            state: "sending",
            metadata_cid: metadataCid,
            sender: context.publisher,
            nonce: String(nonce),
            from_block: String(fromBlock),
          });
        },
        onSent: async (hash) => {
          await update({ state: "sent", transaction_hash: hash });
          log(`Sent the publish transaction ${hash}; waiting for it to be mined`);
        },
      })
      .catch(async (error) => {
        const run = await readPublishRun(db, key);
        // A revert seen in the receipt leaves nothing pending: the next run may send again.
        if (run.state === "sent" && /reverted/.test((error as Error).message)) await update(NOTHING_SENT);
        throw error;
      });
    const articleId = await recordMinedPublish(source, context, key, update, sent.hash, sent.receipt);
    return { articleId, metadataCid, transactionHash: sent.hash, alreadyPublished: false };
  } finally {
    await lock.release().catch(() => {});
  }
}

/**
 * Everything before the transaction, under the caller's lock: an earlier run settled (already
 * published, or its send waited for), content published before found by digest, else the article
 * packaged and uploaded (reusing earlier uploads) and the exact `publish` call returned.
 */
export async function preparePublish(
  source: ArticleSource,
  context: PublishSourceContext,
  publisher: Address,
  key: string,
  lock: PublishLock,
): Promise<{ done: PublishResult } | { metadataCid: string; call: PublishCall }> {
  const log = context.log ?? (() => {});
  const { publicClient, editions, db } = context;
  const update: RunUpdate = (patch) => updatePublishRun(db, key, lock.owner, patch);

  const settled = await settleEarlierRun(await readPublishRun(db, key), context, update);
  if (settled) return { done: settled };

  // Published before this database kept records (or from another machine's): found by digest.
  const existing = await findPublishedByDigest(source.contentDigest, context);
  if (existing) {
    const metadataCid = existing.uri.slice("ipfs://".length);
    await update({ state: "published", article_id: existing.articleId.toString(), metadata_cid: metadataCid });
    log(`Already published as article ${existing.articleId} (${existing.uri}); nothing new to publish.`);
    return { done: { articleId: existing.articleId, metadataCid, alreadyPublished: true } };
  }

  const metadataCid = await packageOnce(source, context, publisher, key);
  const treasury = await publicClient.readContract({ address: editions, abi: articleEditionsAbi, functionName: "treasury" });
  return { metadataCid, call: publishArticle(editions, publishParams(source, metadataCid, publisher, treasury)) };
}

/**
 * The article id of a mined publish, from its ArticlePublished event (never from a simulation:
 * another publish landing first takes the id the simulation saw), recorded as published; what
 * edited, never-published versions of the article uploaded is unpinned.
 */
export async function recordMinedPublish(
  source: ArticleSource,
  context: PublishSourceContext,
  key: string,
  update: RunUpdate,
  hash: Hash,
  receipt: TransactionReceipt,
) {
  const { editions } = context;
  const [published] = parseEventLogs({ abi: articleEditionsAbi, eventName: "ArticlePublished", logs: receipt.logs }).filter(
    (event) => event.address.toLowerCase() === editions.toLowerCase(),
  );
  if (!published) {
    await update(NOTHING_SENT);
    throw new Error(
      `The publish transaction ${hash} was mined without an ArticlePublished event from ${editions}, so the article was not published.`,
    );
  }
  const { articleId } = published.args;
  await update({ state: "published", article_id: articleId.toString(), transaction_hash: hash });
  context.log?.(`Published article ${articleId} in block ${receipt.blockNumber}`);
  await unpinEditedVersions(source, context, key);
  return articleId;
}

export function describeSource(source: ArticleSource) {
  const { title, language, edition, premium } = source.frontmatter;
  const access = !premium ? "free" : premium.tier === "edition" ? "premium for edition holders" : `premium from pass level ${premium.tier}`;
  const supply = edition.max_supply === 0 ? "open edition" : `${edition.max_supply} editions`;
  return `"${title}" (${language}, ${access}, ${formatEther(edition.price_wei)} ETH, ${supply})`;
}

/**
 * What an earlier run of this digest left: published (checked on this chain, which a reset
 * replaces), or a transaction sent or being sent, waited for. Null when there is still
 * something to publish.
 */
export async function settleEarlierRun(run: PublishRun, context: PublishSourceContext, update: RunUpdate): Promise<PublishResult | null> {
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
 * recording each upload as it finishes; what a fresh upload replaces is unpinned. A studio
 * revision packages through here too (web/src/studio/studioRevise.ts).
 */
export async function packageOnce(source: ArticleSource, context: PublishSourceContext, publisher: Address, key: string) {
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
    authors: resolveAuthors(source, publisher).map(({ name, address }) => ({ name, address })),
    siteUrl: context.siteUrl,
    onStep: (step) => log(step),
    onUploadProgress: context.onUploadProgress,
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
async function cachedPackage(context: PublishSourceContext, cacheKey: string, contentDigest: string) {
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
async function unpinEditedVersions(source: ArticleSource, context: PublishSourceContext, key: string) {
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
async function findPublishedByDigest(contentDigest: string, context: PublishSourceContext) {
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
