import type { GatewayOptions } from "../../../web/src/ipfs/fetchVerified.ts";
import type { SqlRunner } from "../sqlRunner.ts";
import { fetchPreview } from "./fetchPreview.ts";
import { pendingPreviews, storePreview } from "./metadataTable.ts";
import { retrySchedule, runRounds } from "./retrySchedule.ts";

export interface PreviewFetcherOptions {
  sql: SqlRunner;
  gateway: GatewayOptions;
  concurrency?: number;
  pollMs?: number;
  log?: (line: string) => void;
}

/**
 * Fills in the previews still pending: those IPFS did not deliver when their metadata was stored,
 * and those of rows stored before previews were kept. Each is fetched, checked and stored, and
 * retried with a growing delay while IPFS does not deliver it. It runs apart from the metadata
 * fetcher, so a missing preview never holds up an article's listing.
 */
export function startPreviewFetcher(options: PreviewFetcherOptions) {
  const { sql, gateway, concurrency = 4, pollMs = 1_000, log = console.log } = options;
  const retries = retrySchedule();

  async function fetchOne({ cid, previewCid }: { cid: string; previewCid: string }) {
    try {
      await storePreview(sql, cid, await fetchPreview(previewCid, gateway));
      retries.succeeded(cid);
    } catch (error) {
      const { attempts, delayMs } = retries.failed(cid);
      log(`[preview] ${previewCid} (of ${cid}): ${(error as Error).message} (attempt ${attempts}; next in ${delayMs} ms)`);
    }
  }

  // True when it found as many as it can take at once (more may be waiting: go again soon).
  return runRounds(async () => {
    const pending = await pendingPreviews(sql, retries.waiting(), concurrency);
    await Promise.all(pending.map(fetchOne));
    return pending.length === concurrency;
  }, pollMs);
}
