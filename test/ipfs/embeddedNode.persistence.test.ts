import { multiaddr } from "@multiformats/multiaddr";
import { describe, expect, it } from "vitest";
import { newDataDir, pseudoRandomBytes, readAll, startTestIpfs } from "../helpers/embeddedIpfs.ts";

describe("embedded IPFS node: persistence and replication", () => {
  it("keeps content, pins and its peer id across a restart", async () => {
    const dataDir = newDataDir();
    const first = await startTestIpfs(dataDir);
    const bytes = pseudoRandomBytes(300_000, 11);
    const added = await first.client.add(bytes);
    const peerId = first.node.helia.libp2p.peerId.toString();
    await first.stop();

    const second = await startTestIpfs(dataDir);
    try {
      expect(second.node.helia.libp2p.peerId.toString()).toBe(peerId);
      expect(Buffer.compare(await readAll(second.client.cat(added.cid)), Buffer.from(bytes))).toBe(0);
      const pins = [];
      for await (const pin of second.client.pin.ls()) pins.push(pin.cid.toString());
      expect(pins).toContain(added.cid.toString());
    } finally {
      await second.stop();
    }
  });

  it("replicates an article from one node to another over bitswap on 127.0.0.1", async () => {
    const publisher = await startTestIpfs();
    const reader = await startTestIpfs(newDataDir(), { IPFS_FETCH_TIMEOUT_MS: "10000" });
    try {
      const article = "# 부산 블록체인 위크\n\nA 50 KB article body. ".repeat(1_200);
      const added = await publisher.client.add(article);
      await reader.node.helia.libp2p.dial(multiaddr(publisher.node.helia.libp2p.getMultiaddrs()[0]));
      const pinned = await reader.client.pin.add(added.cid);
      expect(pinned.toString()).toBe(added.cid.toString());
      await publisher.stop();
      expect(Buffer.from(await readAll(reader.client.cat(added.cid))).toString()).toBe(article);
    } finally {
      await reader.stop();
      await publisher.stop().catch(() => {});
    }
  });
});
