// `npm run ipfs`: the embedded IPFS node in the foreground (Ctrl-C stops it).
import { ipfsConfig } from "./ipfsConfig.ts";
import { startIpfs } from "./startIpfs.ts";

const config = ipfsConfig();
const ipfs = await startIpfs(config);
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
