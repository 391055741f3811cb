import { existsSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { gunzipSync } from "node:zlib";

/** Where the local chain's state lives: one JSON file that anvil's `--load-state` reads. */
export const chainStateFile = (dataDir: string) => join(dataDir, "chain", "state.json");

/**
 * Writes a state dump (anvil_dumpState's gzipped bytes) as the chain's state file. Written whole
 * to a temporary file, then renamed over the old one: a kill at any moment leaves either the old
 * complete state or the new one, never half a file.
 */
export function writeChainState(file: string, gzippedHex: `0x${string}`) {
  // gunzip checks the dump's CRC, so a damaged dump throws here and never replaces a good state.
  const json = gunzipSync(Buffer.from(gzippedHex.slice(2), "hex"));
  writeFileSync(`${file}.tmp`, json);
  renameSync(`${file}.tmp`, file);
}

/** True when `file` holds a state anvil can load (it exists and is whole JSON). */
export function isLoadableState(file: string) {
  if (!existsSync(file)) return false;
  try {
    JSON.parse(readFileSync(file, "utf8"));
    return true;
  } catch {
    return false;
  }
}

/** The block number the state file was saved at; undefined while there is no whole file. */
export function savedBlockNumber(file: string): bigint | undefined {
  if (!existsSync(file)) return undefined;
  try {
    return BigInt(JSON.parse(readFileSync(file, "utf8")).block.number);
  } catch {
    return undefined;
  }
}
