import type { ArticleSource } from "../../web/src/content/loadArticleSource.ts";
import { acquirePublishLock } from "../../web/src/publishing/publishLock.ts";
import { publishRunKey, readPublishRun, updatePublishRun } from "../../web/src/publishing/publishRuns.ts";
import { uploadsOfRun } from "../../web/src/publishing/publishUploads.ts";
import { settleEarlierSend } from "../../web/src/publishing/settleEarlierSend.ts";
import { unpinUploads } from "../../web/src/publishing/unpinUploads.ts";
import type { PublishContext } from "./publishArticleFile.ts";

/**
 * Gives up an interrupted publish of this content: unpins what it uploaded (except what another
 * article still uses) so the node's garbage collection frees it. Refused once it is on chain.
 */
export async function abandonPublish(source: ArticleSource, context: PublishContext) {
  const log = context.log ?? (() => {});
  const key = publishRunKey(context.chainId, context.editions, source.contentDigest);
  const lock = await acquirePublishLock(context.db, { key, slug: source.slug }, (holder) =>
    log(`A publish of this article is running (${holder}); waiting for it to stop`),
  );
  try {
    const run = await readPublishRun(context.db, key);
    if ((run.state === "sending" || run.state === "sent") && run.sender && run.nonce !== null && run.from_block !== null) {
      const earlier = await settleEarlierSend(
        context.publicClient,
        context.editions,
        { sender: run.sender as `0x${string}`, nonce: Number(run.nonce), fromBlock: BigInt(run.from_block), transactionHash: null },
        log,
      );
      if (earlier.outcome === "published") {
        await updatePublishRun(context.db, key, lock.owner, { state: "published", article_id: earlier.articleId.toString() });
        run.state = "published";
        run.article_id = earlier.articleId.toString();
      }
    }
    if (run.state === "published") {
      throw new Error(`This content is published as article ${run.article_id}: there is no unfinished publish to abandon.`);
    }
    const uploads = [...(await uploadsOfRun(context.db, key)).values()].map((upload) => upload.cid);
    const unpinned = await unpinUploads(context.db, context.ipfs, key, uploads);
    await updatePublishRun(context.db, key, lock.owner, { state: "abandoned", metadata_cid: null });
    log(
      `Abandoned the unfinished publish: unpinned ${unpinned.length} upload(s)${unpinned.length < uploads.length ? `, kept ${uploads.length - unpinned.length} another article uses` : ""}.`,
    );
    return { unpinned };
  } finally {
    await lock.release().catch(() => {});
  }
}
