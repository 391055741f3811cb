// `npm run ipfs`: the embedded IPFS node in the foreground (Ctrl-C stops it).
// `npm run ipfs -- gc`: collects unpinned blocks, through the running node if there is one.
import { ipfsConfig } from "./ipfsConfig.ts";
import { runGarbageCollection } from "./runGarbageCollection.ts";
import { startIpfs } from "./startIpfs.ts";

const config = ipfsConfig();
if (process.argv.includes("gc")) {
  await runGarbageCollection(config);
  process.exit(0);
}
const ipfs = await startIpfs(config);
if (ipfs.collectedAtStart > 0) console.log(`Collected ${ipfs.collectedAtStart} unpinned blocks`);
console.log(`IPFS node ${ipfs.node.helia.libp2p.peerId} (data: ${config.dataDir})`);
console.log(`  Kubo RPC API  ${ipfs.apiUrl}/api/v0`);
console.log(`  Gateway       ${ipfs.gatewayUrl}/ipfs/<cid>`);
console.log(`  libp2p        ${ipfs.node.helia.libp2p.getMultiaddrs().join(", ")}`);
for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.once(signal, async () => {
    await ipfs.stop();
    process.exit(0);
  });
}
