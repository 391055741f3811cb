import { resolve } from "node:path";
import { z } from "zod";
import { port, positiveNumber } from "../../web/src/config/envSchemas.ts";
import { readEnv } from "../../web/src/config/readEnv.ts";

const schema = z.object({
  IPFS_DATA_DIR: z.string().default(".data/ipfs"),
  IPFS_API_PORT: port(5001),
  IPFS_GATEWAY_PORT: port(8080),
  IPFS_SWARM_PORT: port(4001),
  IPFS_MAX_UPLOAD_MB: positiveNumber(20, "megabytes"),
  IPFS_FETCH_TIMEOUT_MS: positiveNumber(5_000, "milliseconds"),
});

/** The embedded node's settings, from the environment, failing fast on a bad value. */
export function ipfsConfig(env: NodeJS.ProcessEnv = process.env) {
  const settings = readEnv(schema, env, "Bad IPFS node configuration");
  return {
    dataDir: resolve(settings.IPFS_DATA_DIR),
    apiPort: settings.IPFS_API_PORT,
    gatewayPort: settings.IPFS_GATEWAY_PORT,
    swarmPort: settings.IPFS_SWARM_PORT,
    maxUploadBytes: settings.IPFS_MAX_UPLOAD_MB * 1024 * 1024,
    fetchTimeoutMs: settings.IPFS_FETCH_TIMEOUT_MS,
  };
}

export type IpfsConfig = ReturnType<typeof ipfsConfig>;
