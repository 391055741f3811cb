import "server-only";
import { z } from "zod";
import { IPFS_TIMEOUT_MS, milliseconds, positiveNumber, url } from "../config/envSchemas.ts";
import { readEnv } from "../config/readEnv.ts";
import { DEFAULT_MAX_IMAGES_PER_DRAFT, DEFAULT_STUDIO_LIMITS } from "../studio/draftLimits.ts";

const count = (fallback: number) =>
  z.coerce
    .number({ message: "must be a whole number, at least 1" })
    .int("must be a whole number, at least 1")
    .min(1, "must be a whole number, at least 1")
    .default(fallback);

// The web server's settings, validated once at start-up; a bad value fails naming the variable.
const schema = z.object({
  CHAIN_ID: z.coerce
    .number({ message: "must be a chain id like 31337" })
    .int("must be a chain id like 31337")
    .positive("must be a chain id like 31337")
    .default(31337),
  CHAIN_RPC_URL: url("http://127.0.0.1:8545").default("http://127.0.0.1:8545"),
  /** The RPC the reader's browser uses for the local chain (public networks use the wallet's). */
  PUBLIC_CHAIN_RPC_URL: url("https://rpc.example.org").optional(),
  PUBLIC_SITE_URL: url("https://news.example.org (the site's origin)").default("http://localhost:3000"),
  IPFS_GATEWAY_URL: url("http://127.0.0.1:8080").default("http://127.0.0.1:8080"),
  PUBLIC_IPFS_GATEWAY_URL: url("https://ipfs.example.org").optional(),
  IPFS_TIMEOUT_MS,
  CHAIN_TIMEOUT_MS: milliseconds(5_000),
  /** The event index the pages read (scripts/indexer: `ponder start`, or a `ponder serve` beside it). */
  INDEXER_URL: url("http://127.0.0.1:42069").default("http://127.0.0.1:42069"),
  INDEXER_TIMEOUT_MS: milliseconds(3_000),
  SESSION_TTL_SECONDS: z.coerce
    .number({ message: "must be a number of seconds" })
    .int("must be a whole number of seconds")
    .min(60, "must be at least 60 seconds")
    .max(30 * 86_400, "must be at most 30 days")
    .default(86_400),
  /** Signs session cookies; required off the local chain (see sessionSecret.ts). */
  SESSION_SECRET: z.string().min(32, "must be at least 32 characters").optional(),
  /** Unpublished drafts one writer may keep, and comments one draft may carry (studio limits). */
  STUDIO_MAX_OPEN_DRAFTS: count(DEFAULT_STUDIO_LIMITS.maxOpenDrafts),
  STUDIO_MAX_COMMENTS_PER_DRAFT: count(DEFAULT_STUDIO_LIMITS.maxCommentsPerDraft),
  /** The largest image a writer may add to a draft (after the browser removed its metadata). */
  STUDIO_MAX_IMAGE_MB: positiveNumber(10, "megabytes"),
  /** Images one draft may hold (with STUDIO_MAX_IMAGE_MB, bounds what one draft stores). */
  STUDIO_MAX_IMAGES_PER_DRAFT: count(DEFAULT_MAX_IMAGES_PER_DRAFT),
  /** The repository's .data directory, wherever the server was started from (see dataDir.ts). */
  TOPNFTPOST_DATA_DIR: z.string().optional(),
});

export type ServerConfig = ReturnType<typeof readServerConfig>;

function readServerConfig(env: NodeJS.ProcessEnv) {
  const config = readEnv(schema, env, "Bad web server configuration");
  const site = new URL(config.PUBLIC_SITE_URL);
  return {
    ...config,
    site,
    isLocalSite: ["localhost", "127.0.0.1", "[::1]"].includes(site.hostname),
    publicRpcUrl: config.PUBLIC_CHAIN_RPC_URL ?? config.CHAIN_RPC_URL,
    publicGatewayUrl: (config.PUBLIC_IPFS_GATEWAY_URL ?? config.IPFS_GATEWAY_URL).replace(/\/$/, ""),
    studioLimits: { maxOpenDrafts: config.STUDIO_MAX_OPEN_DRAFTS, maxCommentsPerDraft: config.STUDIO_MAX_COMMENTS_PER_DRAFT },
  };
}

let cached: ServerConfig | undefined;
export const serverConfig = () => (cached ??= readServerConfig(process.env));
