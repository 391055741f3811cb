import type { KuboRPCClient } from "kubo-rpc-client";
import type { Kysely } from "kysely";
import type { Database } from "../db/schema.ts";
import { cidsHeldElsewhere, markUnpinned } from "./publishUploads.ts";

export type PinningClient = Pick<KuboRPCClient, "add" | "pin">;

/**
 * Unpins what a run uploaded and no longer needs, except CIDs another run still holds (content
 * is addressed by its bytes, so two articles may share an image). The node's garbage collection
 * then frees the blocks. Returns the CIDs unpinned.
 */
export async function unpinUploads(db: Kysely<Database>, ipfs: PinningClient, runKey: string, cids: string[]) {
  const held = await cidsHeldElsewhere(db, runKey, cids);
  const unpinned = [];
  for (const cid of new Set(cids)) {
    if (held.has(cid)) continue;
    await ipfs.pin.rm(cid).catch((error: Error) => {
      if (!/not pinned/i.test(error.message)) throw error;
    });
    await markUnpinned(db, runKey, cid);
    unpinned.push(cid);
  }
  return unpinned;
}
