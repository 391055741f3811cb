import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { create } from "kubo-rpc-client";
import { ipfsConfig } from "../../scripts/ipfs/ipfsConfig.ts";
import { startIpfs } from "../../scripts/ipfs/startIpfs.ts";

export const newDataDir = () => mkdtempSync(join(tmpdir(), "topnftpost-ipfs-"));

/** A real embedded node on free loopback ports, with a kubo-rpc-client pointed at it. */
export async function startTestIpfs(dataDir = newDataDir(), env: Record<string, string> = {}) {
  const config = ipfsConfig({
    IPFS_DATA_DIR: dataDir,
    IPFS_API_PORT: "0",
    IPFS_GATEWAY_PORT: "0",
    IPFS_SWARM_PORT: "0",
    IPFS_FETCH_TIMEOUT_MS: "1500",
    ...env,
  });
  const ipfs = await startIpfs(config);
  return { ...ipfs, dataDir, client: create({ url: `${ipfs.apiUrl}/api/v0` }) };
}

/** Deterministic pseudo-random bytes (xorshift), so CIDs are reproducible between runs. */
export function pseudoRandomBytes(length: number, seed = 1) {
  const bytes = new Uint8Array(length);
  let x = seed >>> 0 || 1;
  for (let i = 0; i < length; i++) {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    bytes[i] = x & 0xff;
  }
  return bytes;
}

export async function readAll(chunks: AsyncIterable<Uint8Array>) {
  const parts: Uint8Array[] = [];
  for await (const chunk of chunks) parts.push(chunk);
  return Buffer.concat(parts);
}

export async function toArray<T>(items: AsyncIterable<T>) {
  const all: T[] = [];
  for await (const item of items) all.push(item);
  return all;
}
