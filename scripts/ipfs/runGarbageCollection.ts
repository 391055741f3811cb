import { createNode } from "./createNode.ts";
import { collectGarbage } from "./collectGarbage.ts";
import { createGcGate } from "./gcGate.ts";
import type { IpfsConfig } from "./ipfsConfig.ts";

/**
 * `npm run ipfs -- gc`: asks the running node (its /api/v0/repo/gc, so uploads in flight are safe),
 * or, when none answers, opens the repository itself and collects.
 */
export async function runGarbageCollection(config: IpfsConfig) {
  const apiUrl = `http://127.0.0.1:${config.apiPort}/api/v0/repo/gc`;
  const response = await fetch(apiUrl, { method: "POST" }).catch(() => null);
  if (response?.ok) {
    const removed = (await response.text()).split("\n").filter(Boolean).length;
    console.log(`The running node collected ${removed} unpinned blocks`);
    return;
  }
  const node = await createNode(config.dataDir, 0);
  try {
    const removed = await collectGarbage(node, createGcGate());
    console.log(`Collected ${removed.length} unpinned blocks from ${config.dataDir}`);
  } finally {
    await node.helia.stop();
  }
}
