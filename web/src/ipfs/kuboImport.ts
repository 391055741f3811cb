import type { Blockstore } from "interface-blockstore";
import { importer } from "ipfs-unixfs-importer";
import type { CID } from "multiformats/cid";

/** The `ipfs add` options the embedded node honours, with Kubo's defaults. */
export interface KuboAddOptions {
  cidVersion: 0 | 1;
  /** Kubo turns raw leaves on by itself with CIDv1 unless told otherwise. */
  rawLeaves?: boolean;
  onBytes?: (bytesSoFar: number) => void;
}

/**
 * Imports a byte stream as a UnixFS file exactly as Kubo's `ipfs add` does (profile
 * `unixfs-v0-2015`: 256 KiB chunks, balanced layout of 174 links, links-first dag-pb), so the same
 * bytes get the same CID here as in Kubo.
 */
export async function kuboImport(
  content: AsyncIterable<Uint8Array>,
  blockstore: Blockstore,
  options: KuboAddOptions,
): Promise<{ cid: CID; size: bigint }> {
  let bytesSoFar = 0;
  async function* counted() {
    for await (const chunk of content) {
      bytesSoFar += chunk.byteLength;
      options.onBytes?.(bytesSoFar);
      yield chunk;
    }
  }
  let root: { cid: CID; size: bigint } | undefined;
  for await (const entry of importer([{ content: counted() }], blockstore, {
    profile: "unixfs-v0-2015",
    cidVersion: options.cidVersion,
    rawLeaves: options.rawLeaves ?? options.cidVersion === 1,
  })) {
    root = { cid: entry.cid, size: entry.size };
  }
  if (!root) throw new Error("nothing was imported");
  return root;
}
