import "server-only";
import { z } from "zod";

// The web server's settings, validated once at start-up; a bad value fails naming the variable.
const schema = z.object({
  CHAIN_ID: z.coerce.number().int().positive("CHAIN_ID must be a chain id like 31337").default(31337),
  CHAIN_RPC_URL: z.url({ message: "CHAIN_RPC_URL must be a URL" }).default("http://127.0.0.1:8545"),
  /** The RPC the reader's browser uses for the local chain (public networks use the wallet's). */
  PUBLIC_CHAIN_RPC_URL: z.url({ message: "PUBLIC_CHAIN_RPC_URL must be a URL" }).optional(),
  PUBLIC_SITE_URL: z.url({ message: "PUBLIC_SITE_URL must be the site's origin" }).default("http://localhost:3000"),
  IPFS_GATEWAY_URL: z.url({ message: "IPFS_GATEWAY_URL must be a URL" }).default("http://127.0.0.1:8080"),
  PUBLIC_IPFS_GATEWAY_URL: z.url({ message: "PUBLIC_IPFS_GATEWAY_URL must be a URL" }).optional(),
  IPFS_TIMEOUT_MS: z.coerce.number().int().positive().default(5_000),
  CHAIN_TIMEOUT_MS: z.coerce.number().int().positive().default(5_000),
  SESSION_TTL_SECONDS: z.coerce.number().int().min(60).max(30 * 86_400).default(86_400),
});

export type ServerConfig = ReturnType<typeof readServerConfig>;

function readServerConfig(env: NodeJS.ProcessEnv) {
  const present = Object.fromEntries(Object.keys(schema.shape).map((key) => [key, env[key] || undefined]));
  const parsed = schema.safeParse(present);
  if (!parsed.success) {
    throw new Error(`Bad web server configuration: ${parsed.error.issues.map((issue) => `${issue.path.join(".")}: ${issue.message}`).join("; ")}`);
  }
  const config = parsed.data;
  const site = new URL(config.PUBLIC_SITE_URL);
  return {
    ...config,
    site,
    isLocalSite: ["localhost", "127.0.0.1", "[::1]"].includes(site.hostname),
    publicRpcUrl: config.PUBLIC_CHAIN_RPC_URL ?? config.CHAIN_RPC_URL,
    publicGatewayUrl: (config.PUBLIC_IPFS_GATEWAY_URL ?? config.IPFS_GATEWAY_URL).replace(/\/$/, ""),
  };
}

let cached: ServerConfig | undefined;
export const serverConfig = () => (cached ??= readServerConfig(process.env));
