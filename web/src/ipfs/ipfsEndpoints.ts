import { create } from "kubo-rpc-client";
import { z } from "zod";

// Where the app reaches IPFS: any Kubo RPC API (the embedded node, a Kubo node, a pinning
// service) and any /ipfs/<cid> gateway. Reads are verified against their CIDs, so the gateway
// need not be trusted.

const endpointsSchema = z.object({
  IPFS_API_URL: z.url({ message: "IPFS_API_URL must be a URL like http://127.0.0.1:5001" }).default("http://127.0.0.1:5001"),
  IPFS_GATEWAY_URL: z.url({ message: "IPFS_GATEWAY_URL must be a URL like http://127.0.0.1:8080" }).default("http://127.0.0.1:8080"),
  IPFS_TIMEOUT_MS: z.coerce.number().int().positive("IPFS_TIMEOUT_MS must be a positive number of milliseconds").default(10_000),
});

export function ipfsEndpoints(env: NodeJS.ProcessEnv = process.env) {
  const parsed = endpointsSchema.safeParse({
    IPFS_API_URL: env.IPFS_API_URL || undefined,
    IPFS_GATEWAY_URL: env.IPFS_GATEWAY_URL || undefined,
    IPFS_TIMEOUT_MS: env.IPFS_TIMEOUT_MS || undefined,
  });
  if (!parsed.success) throw new Error(parsed.error.issues.map((issue) => issue.message).join("; "));
  const { IPFS_API_URL, IPFS_GATEWAY_URL, IPFS_TIMEOUT_MS } = parsed.data;
  return {
    apiUrl: IPFS_API_URL.replace(/\/$/, ""),
    gateway: { gatewayUrl: IPFS_GATEWAY_URL.replace(/\/$/, ""), timeoutMs: IPFS_TIMEOUT_MS },
  };
}

/** A kubo-rpc-client for the configured API (Kubo's path prefix included). */
export const ipfsClient = (apiUrl: string, timeoutMs = 60_000) => create({ url: `${apiUrl}/api/v0`, timeout: timeoutMs });
