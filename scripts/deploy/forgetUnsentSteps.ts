import { existsSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import { join } from "node:path";

// Steps that send a transaction: Ignition records their start, then the request, then the nonce,
// and only then sends.
const SENDING_STEP_STARTS = new Set([
  "DEPLOYMENT_EXECUTION_STATE_INITIALIZE",
  "CALL_EXECUTION_STATE_INITIALIZE",
  "SEND_DATA_EXECUTION_STATE_INITIALIZE",
]);

/**
 * Ignition (ignition-core 3.1.9) cannot resume a journal that a kill cut right after a step's
 * start record: the resume stops on "Internal Hardhat Ignition invariant was violated: Unable to
 * find network interaction for <step> when trying to get pending onchain interaction" (found by
 * test/stack/governedDeploy.resume.test.ts). Such a step sent nothing, so forgetting that it
 * started is safe: the resume starts it again. Returns the steps forgotten.
 */
export function forgetUnsentSteps(journalDir: string): string[] {
  const file = join(journalDir, "journal.jsonl");
  if (!existsSync(file)) return [];
  const lines = readFileSync(file, "utf8").split("\n");
  const records = lines.map((line) => (line.trim() ? (JSON.parse(line) as { type: string; futureId?: string }) : undefined));
  const lastRecord = new Map<string, number>();
  for (const [index, record] of records.entries()) if (record?.futureId) lastRecord.set(record.futureId, index);
  const unsent = new Set([...lastRecord.values()].filter((index) => SENDING_STEP_STARTS.has(records[index]!.type)));
  if (unsent.size === 0) return [];
  // Written whole, then renamed over the journal: a kill now leaves the old one or the new one.
  writeFileSync(`${file}.tmp`, lines.filter((_, index) => !unsent.has(index)).join("\n"));
  renameSync(`${file}.tmp`, file);
  return [...unsent].map((index) => records[index]!.futureId!);
}
