import { createServer, type Server } from "node:http";
import { createNode } from "./createNode.ts";
import { createGateway } from "./gateway.ts";
import type { IpfsConfig } from "./ipfsConfig.ts";
import { collectGarbage } from "./collectGarbage.ts";
import { createGcGate } from "./gcGate.ts";
import { createRpcApi } from "./rpcApi.ts";

const listen = (server: Server, port: number) =>
  new Promise<number>((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, "127.0.0.1", () => resolve((server.address() as { port: number }).port));
  });

/**
 * Starts the embedded IPFS node with its Kubo RPC API and gateway on 127.0.0.1, first collecting
 * the garbage a crash or an aborted upload left (unpinned blocks).
 */
export async function startIpfs(config: IpfsConfig) {
  const node = await createNode(config.dataDir, config.swarmPort);
  const gate = createGcGate();
  const collectedAtStart = await collectGarbage(node, gate);
  const api = createServer(
    createRpcApi(node, gate, {
      maxUploadBytes: config.maxUploadBytes,
      fetchTimeoutMs: config.fetchTimeoutMs,
      version: `${node.helia.info.name}-${node.helia.info.version}`,
    }),
  );
  const gateway = createServer(createGateway(node, { fetchTimeoutMs: config.fetchTimeoutMs }));
  try {
    const apiPort = await listen(api, config.apiPort);
    const gatewayPort = await listen(gateway, config.gatewayPort);
    return {
      node,
      /** Blocks the start-up collection removed. */
      collectedAtStart: collectedAtStart.length,
      apiUrl: `http://127.0.0.1:${apiPort}`,
      gatewayUrl: `http://127.0.0.1:${gatewayPort}`,
      async stop() {
        api.closeAllConnections();
        gateway.closeAllConnections();
        await Promise.all([new Promise((r) => api.close(r)), new Promise((r) => gateway.close(r))]);
        await node.helia.stop();
      },
    };
  } catch (error) {
    api.close();
    gateway.close();
    await node.helia.stop();
    throw error;
  }
}
