import type { GatewayOptions } from "../../../web/src/ipfs/fetchVerified.ts";
import type { SqlRunner } from "../sqlRunner.ts";
import { fetchPreview } from "./fetchPreview.ts";
import { pendingPreviews, storePreview } from "./metadataTable.ts";
import { backoffMs } from "./startMetadataFetcher.ts";

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
  const retries = new Map<string, { attempts: number; nextAt: number }>();
  let stopped = false;

  async function fetchOne({ cid, previewCid }: { cid: string; previewCid: string }) {
    try {
      await storePreview(sql, cid, await fetchPreview(previewCid, gateway));
      retries.delete(cid);
    } catch (error) {
      const attempts = (retries.get(cid)?.attempts ?? 0) + 1;
      retries.set(cid, { attempts, nextAt: Date.now() + backoffMs(attempts) });
      log(`[preview] ${previewCid} (of ${cid}): ${(error as Error).message} (attempt ${attempts}; next in ${backoffMs(attempts)} ms)`);
    }
  }

  /** True when it found as many as it can take at once (more may be waiting: go again soon). */
  async function round() {
    const now = Date.now();
    const waiting = [...retries].filter(([, retry]) => retry.nextAt > now).map(([cid]) => cid);
    const pending = await pendingPreviews(sql, waiting, concurrency);
    await Promise.all(pending.map(fetchOne));
    return pending.length === concurrency;
  }

  const done = (async () => {
    while (!stopped) {
      // Before the metadata table exists, or while the database restarts: try again next round.
      const busy = await round().catch(() => false);
      await new Promise((resolve) => setTimeout(resolve, busy ? 10 : pollMs));
    }
  })();

  return {
    async stop() {
      stopped = true;
      await done;
    },
  };
}
