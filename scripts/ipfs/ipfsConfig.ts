import { resolve } from "node:path";

function port(env: NodeJS.ProcessEnv, name: string, fallback: number) {
  const raw = env[name];
  const value = raw === undefined || raw === "" ? fallback : Number(raw);
  if (!Number.isInteger(value) || value < 0 || value > 65_535) throw new Error(`${name} must be a port number, got "${raw}"`);
  return value;
}

function positive(env: NodeJS.ProcessEnv, name: string, fallback: number) {
  const raw = env[name];
  const value = raw === undefined || raw === "" ? fallback : Number(raw);
  if (!Number.isFinite(value) || value <= 0) throw new Error(`${name} must be a positive number, got "${raw}"`);
  return value;
}

/** The embedded node's settings, from the environment, failing fast on a bad value. */
export function ipfsConfig(env: NodeJS.ProcessEnv = process.env) {
  return {
    dataDir: resolve(env.IPFS_DATA_DIR || ".data/ipfs"),
    apiPort: port(env, "IPFS_API_PORT", 5001),
    gatewayPort: port(env, "IPFS_GATEWAY_PORT", 8080),
    swarmPort: port(env, "IPFS_SWARM_PORT", 4001),
    maxUploadBytes: positive(env, "IPFS_MAX_UPLOAD_MB", 20) * 1024 * 1024,
    fetchTimeoutMs: positive(env, "IPFS_FETCH_TIMEOUT_MS", 5_000),
  };
}

export type IpfsConfig = ReturnType<typeof ipfsConfig>;
