import { noise } from "@chainsafe/libp2p-noise";
import { yamux } from "@chainsafe/libp2p-yamux";
import { withBitswap } from "@helia/bitswap";
import { withLibp2pLight } from "@helia/libp2p";
import { unixfs } from "@helia/unixfs";
import { identify } from "@libp2p/identify";
import { tcp } from "@libp2p/tcp";
import { FsBlockstore } from "blockstore-fs";
import { FsDatastore } from "datastore-fs";
import { createHeliaLight } from "helia";
import { mkdirSync } from "node:fs";
import { join } from "node:path";

/**
 * A Helia node whose blocks, pins and peer key live under `dataDir`, speaking libp2p on 127.0.0.1
 * only: tcp + noise + yamux, bitswap for blocks, no bootstrap peers, no delegated routers and no
 * HTTP gateways (this machine has no internet, and the local stack needs none).
 */
export async function createNode(dataDir: string, swarmPort = 0) {
  mkdirSync(dataDir, { recursive: true });
  const blockstore = new FsBlockstore(join(dataDir, "blocks"));
  const datastore = new FsDatastore(join(dataDir, "datastore"));
  const helia = withBitswap(
    withLibp2pLight(createHeliaLight({ blockstore, datastore }), {
      addresses: { listen: [`/ip4/127.0.0.1/tcp/${swarmPort}`] },
      transports: [tcp()],
      connectionEncrypters: [noise()],
      streamMuxers: [yamux()],
      services: { identify: identify() },
    }),
  );
  await helia.start();
  // `blocks` is the store on disk: deleting through Helia's wrapper asks content routers, which an
  // offline node has none of.
  return { helia, fs: unixfs(helia), blocks: blockstore };
}

export type IpfsNode = Awaited<ReturnType<typeof createNode>>;
