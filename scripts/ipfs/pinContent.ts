import type { CID } from "multiformats/cid";
import type { IpfsNode } from "./createNode.ts";

/**
 * Pins `cid` unless already pinned. Helia keys pins by multihash, so the CID as given (v0 or v1)
 * is kept in the pin's metadata for `pin/ls` to answer with.
 */
export async function pinContent(node: IpfsNode, cid: CID, signal?: AbortSignal) {
  if (await node.helia.pins.isPinned(cid)) return;
  // `pins.add` is a generator that pins nothing unless iterated.
  for await (const _ of node.helia.pins.add(cid, { signal, metadata: { cid: cid.toString() } }));
}
