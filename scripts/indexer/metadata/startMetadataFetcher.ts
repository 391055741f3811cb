import { CID } from "multiformats/cid";
import { ContentError } from "../../../web/src/content/contentError.ts";
import { fetchArticleMetadata } from "../../../web/src/content/fetchArticleMetadata.ts";
import type { GatewayOptions } from "../../../web/src/ipfs/fetchVerified.ts";
import { indexStatus } from "../queries/publicationQueries.ts";
import { quotedSchema, type SqlRunner } from "../sqlRunner.ts";
import { fetchPreview } from "./fetchPreview.ts";
import { retrySchedule, runRounds } from "./retrySchedule.ts";
import { ensureMetadataTable, METADATA_TABLE, type PreviewOutcome, storeInvalidMetadata, storeMetadata } from "./metadataTable.ts";

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

const PENDING: PreviewOutcome = { status: "pending" };
/** Blocks a reorg can undo: Ponder keeps 30 unfinalized; a rescan covers twice that. */
const REORG_REACH_BLOCKS = 64n;

/**
 * Fills the metadata table beside the indexer: every CID an article revision names is fetched
 * from IPFS (verified against the CID), stored once, and retried with a growing delay while IPFS
 * does not deliver it. It runs apart from the event handlers, so an unreachable CID delays
 * only its own article's listing, never other articles or later events.
 */
export function startMetadataFetcher(options: MetadataFetcherOptions) {
  const { sql, gateway, concurrency = 16, pollMs = 200, log = console.log } = options;
  const schema = quotedSchema(options.schema);
  const retries = retrySchedule();
  const inFlight = new Set<string>();
  /** The indexed block up to which every revision's CID is stored, being fetched or retried. */
  let scannedThrough: string | undefined;
  let tableReady = false;

  async function fetchOne(cid: string) {
    inFlight.add(cid);
    try {
      const metadata = await fetchArticleMetadata(CID.parse(cid), `the article at ${cid}`, gateway);
      // The preview beside it; one IPFS cannot deliver yet is stored as pending and fetched later
      // (startPreviewFetcher), so it never holds up the article's listing.
      const preview = await fetchPreview(metadata.properties.preview.cid, gateway).catch(() => PENDING);
      await storeMetadata(sql, cid, metadata, preview);
      retries.succeeded(cid);
    } catch (error) {
      if (error instanceof ContentError && error.code === "bad-metadata") {
        retries.succeeded(cid);
        await storeInvalidMetadata(sql, cid, error.message).catch(() => {});
        log(`[metadata] ${cid} is not article metadata: ${error.message}`);
      } else {
        const { attempts, delayMs } = retries.failed(cid);
        log(`[metadata] ${cid}: ${(error as Error).message} (attempt ${attempts}; next in ${delayMs} ms)`);
      }
    } finally {
      inFlight.delete(cid);
    }
  }

  /** Starts what it can; true when it filled every free slot (more may be waiting: go again soon). */
  async function round() {
    if (!tableReady) {
      try {
        await ensureMetadataTable(sql);
        tableReady = true;
      } catch (error) {
        log(`[metadata] the metadata table is not ready: ${(error as Error).message}`);
        return false;
      }
    }
    let free = concurrency - inFlight.size;
    // Retries come from memory: the scan below looks only at revisions it has not seen.
    for (const cid of retries.due()) {
      if (free <= 0) return true;
      if (inFlight.has(cid)) continue;
      void fetchOne(cid);
      free--;
    }
    if (free <= 0) return true;
    const status = await indexStatus(sql, options.schema);
    if (!status || status.blockNumber === scannedThrough) return false;
    // New revisions, and those a reorg may have replaced since the last complete scan.
    const from = scannedThrough === undefined ? -1n : BigInt(scannedThrough) - REORG_REACH_BLOCKS;
    const pending = await sql<{ cid: string }>(
      `select distinct r.cid from ${schema}.article_revision r
       where r.block_number > $1::numeric and r.cid is not null and not (r.cid = any($2::text[]))
         and not exists (select 1 from ${METADATA_TABLE} m where m.cid = r.cid)
       limit $3`,
      [from.toString(), [...inFlight, ...retries.keys()], free],
    );
    // Only a scan that found everything it could take moves the mark.
    if (pending.rows.length < free) scannedThrough = status.blockNumber;
    for (const { cid } of pending.rows) void fetchOne(cid);
    return pending.rows.length === free;
  }

  // Before Ponder created its tables, or while the database restarts: the next round tries again.
  // A backlog (a fresh index of a large archive) is worked through as fast as fetches end.
  return runRounds(round, pollMs);
}
