import type { CID } from "multiformats/cid";
import type { IpfsNode } from "./createNode.ts";
import type { GcGate } from "./gcGate.ts";

/**
 * Deletes every block no pin reaches (aborted or refused uploads, unpinned packages); pinned
 * content is never touched (Helia checks each block against the pins). Returns what it removed.
 */
export async function collectGarbage(node: IpfsNode, gate: GcGate) {
  const removed: CID[] = [];
  await gate
    .exclusively(() =>
      node.helia.gc({
        onProgress: (event) => {
          if (event.type === "helia:gc:deleted") removed.push(event.detail as CID);
        },
      }),
    )
    .catch((error: NodeJS.ErrnoException) => {
      if (error.code !== "ENOENT") throw error; // a new repository has no blocks folder yet
    });
  return removed;
}
