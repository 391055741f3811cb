import { create } from "kubo-rpc-client";
import { z } from "zod";
import { IPFS_TIMEOUT_MS, url } from "../config/envSchemas.ts";
import { readEnv } from "../config/readEnv.ts";

// Where the app reaches IPFS: any Kubo RPC API (the embedded node, a Kubo node, a pinning
// service) and any /ipfs/<cid> gateway. Reads are verified against their CIDs, so the gateway
// need not be trusted.

const endpointsSchema = z.object({
  IPFS_API_URL: url("http://127.0.0.1:5001").default("http://127.0.0.1:5001"),
  IPFS_GATEWAY_URL: url("http://127.0.0.1:8080").default("http://127.0.0.1:8080"),
  IPFS_TIMEOUT_MS,
});

export function ipfsEndpoints(env: NodeJS.ProcessEnv = process.env) {
  const { IPFS_API_URL, IPFS_GATEWAY_URL, IPFS_TIMEOUT_MS: timeoutMs } = readEnv(endpointsSchema, env);
  return {
    apiUrl: IPFS_API_URL.replace(/\/$/, ""),
    gateway: { gatewayUrl: IPFS_GATEWAY_URL.replace(/\/$/, ""), timeoutMs },
  };
}

/** A kubo-rpc-client for the configured API (Kubo's path prefix included). */
export const ipfsClient = (apiUrl: string, timeoutMs = 60_000) => create({ url: `${apiUrl}/api/v0`, timeout: timeoutMs });
