import { CID } from "multiformats/cid";
import { ContentError } from "../../../web/src/content/contentError.ts";
import { fetchArticleMetadata } from "../../../web/src/content/fetchArticleMetadata.ts";
import type { GatewayOptions } from "../../../web/src/ipfs/fetchVerified.ts";
import { quotedSchema, type SqlRunner } from "../sqlRunner.ts";
import { ensureMetadataTable, METADATA_TABLE, storeInvalidMetadata, storeMetadata } from "./metadataTable.ts";

export interface MetadataFetcherOptions {
  sql: SqlRunner;
  /** Ponder's schema, whose article_revision rows name the CIDs to fetch. */
  schema: string;
  gateway: GatewayOptions;
  /** Fetches in flight at once: an unreachable CID occupies one slot, never the others. */
  concurrency?: number;
  pollMs?: number;
  log?: (line: string) => void;
}

const MAX_BACKOFF_MS = 60_000;
const backoffMs = (attempts: number) => Math.min(MAX_BACKOFF_MS, 500 * 2 ** (attempts - 1));

/**
 * Fills the metadata table beside the indexer: every CID an article revision names is fetched
 * from IPFS (verified against the CID), stored once, and retried with a growing delay while IPFS
 * does not deliver it. It runs apart from the event handlers, so an unreachable CID delays
 * only its own article's listing, never other articles or later events.
 */
export function startMetadataFetcher(options: MetadataFetcherOptions) {
  const { sql, gateway, concurrency = 4, pollMs = 200, log = console.log } = options;
  const schema = quotedSchema(options.schema);
  const retries = new Map<string, { attempts: number; nextAt: number }>();
  const inFlight = new Set<string>();
  let lastCheckpoint = "";
  let stopped = false;

  async function fetchOne(cid: string) {
    inFlight.add(cid);
    try {
      const metadata = await fetchArticleMetadata(CID.parse(cid), `the article at ${cid}`, gateway);
      await storeMetadata(sql, cid, metadata);
      retries.delete(cid);
    } catch (error) {
      if (error instanceof ContentError && error.code === "bad-metadata") {
        await storeInvalidMetadata(sql, cid, error.message).catch(() => {});
        log(`[metadata] ${cid} is not article metadata: ${error.message}`);
      } else {
        const attempts = (retries.get(cid)?.attempts ?? 0) + 1;
        retries.set(cid, { attempts, nextAt: Date.now() + backoffMs(attempts) });
        log(`[metadata] ${cid}: ${(error as Error).message} (attempt ${attempts}; next in ${backoffMs(attempts)} ms)`);
      }
    } finally {
      inFlight.delete(cid);
    }
  }

  async function round() {
    const free = concurrency - inFlight.size;
    if (free <= 0) return;
    const now = Date.now();
    const waiting = [...retries].filter(([, retry]) => retry.nextAt > now).map(([cid]) => cid);
    const retryDue = retries.size > waiting.length;
    // Scan for missing metadata only when the index moved or a retry is due.
    const { rows } = await sql<{ latest_checkpoint: string }>(`select latest_checkpoint from ${schema}._ponder_checkpoint`);
    const checkpoint = rows.map((row) => row.latest_checkpoint).join();
    if (checkpoint === lastCheckpoint && !retryDue) return;
    const skip = [...inFlight, ...waiting];
    const pending = await sql<{ cid: string }>(
      `select distinct r.cid from ${schema}.article_revision r
       where r.cid is not null and not (r.cid = any($1::text[]))
         and not exists (select 1 from ${METADATA_TABLE} m where m.cid = r.cid)
       limit $2`,
      [skip, free],
    );
    // Only a scan that found everything lets the next round skip an unchanged index.
    if (pending.rows.length < free) lastCheckpoint = checkpoint;
    for (const { cid } of pending.rows) void fetchOne(cid);
  }

  const done = (async () => {
    while (!stopped) {
      try {
        await ensureMetadataTable(sql);
        break;
      } catch (error) {
        log(`[metadata] the metadata table is not ready: ${(error as Error).message}`);
        await new Promise((resolve) => setTimeout(resolve, 1_000));
      }
    }
    while (!stopped) {
      // Before Ponder created its tables, or while the database restarts: try again next round.
      await round().catch(() => {});
      await new Promise((resolve) => setTimeout(resolve, pollMs));
    }
  })();

  return {
    async stop() {
      stopped = true;
      await done;
    },
  };
}
