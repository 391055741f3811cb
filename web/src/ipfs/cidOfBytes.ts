import type { Blockstore } from "interface-blockstore";
import { CID } from "multiformats/cid";
import * as raw from "multiformats/codecs/raw";
import { sha256 } from "multiformats/hashes/sha2";
import { kuboImport } from "./kuboImport.ts";

// Computes blocks only to learn their CIDs; nothing is stored.
const discard = { put: async (cid: CID) => cid } as unknown as Blockstore;

async function* once(bytes: Uint8Array) {
  yield bytes;
}

/**
 * True when `bytes` are exactly the file `cid` names, as Kubo would have added them. Lets the
 * reader trust any gateway: a gateway that alters a byte cannot produce the same CID.
 */
export async function bytesMatchCid(bytes: Uint8Array, cid: CID) {
  if (cid.version === 1 && cid.code === raw.code) {
    return CID.createV1(raw.code, await sha256.digest(bytes)).equals(cid);
  }
  const { cid: computed } = await kuboImport(once(bytes), discard, { cidVersion: cid.version as 0 | 1 });
  return computed.equals(cid);
}

/** The CID Kubo gives `bytes` added as one file (CIDv0, its defaults), computed without a node. */
export async function cidOfBytes(bytes: Uint8Array) {
  return (await kuboImport(once(bytes), discard, { cidVersion: 0 })).cid;
}
