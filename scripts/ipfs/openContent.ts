import type { ServerResponse } from "node:http";
import type { CID } from "multiformats/cid";
import type { IpfsNode } from "./createNode.ts";
import { fetchDeadline, notFoundIfTimedOut } from "./httpErrors.ts";

/**
 * Starts reading a file by CID and waits for its first bytes before anything is answered, so a
 * CID nobody has becomes a 404 (after `timeoutMs`) rather than a 200 cut off mid-stream.
 */
export async function openContent(node: IpfsNode, cid: CID, timeoutMs: number) {
  const signal = fetchDeadline(timeoutMs);
  const chunks = node.fs.cat(cid, { signal })[Symbol.asyncIterator]();
  const first = await chunks.next().catch((error) => notFoundIfTimedOut(error, cid, signal, timeoutMs));
  return {
    head: first.done ? new Uint8Array() : first.value,
    /** Writes the first bytes and the rest of the file to `res`, then ends it. */
    async writeTo(res: ServerResponse) {
      res.write(this.head);
      for (let next = await chunks.next(); !next.done; next = await chunks.next()) res.write(next.value);
      res.end();
    },
  };
}
