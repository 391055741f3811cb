import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { type Address, getAddress, zeroAddress } from "viem";
import { z } from "zod";
import { IPFS_TIMEOUT_MS, milliseconds, url } from "../../web/src/config/envSchemas.ts";
import { readEnv } from "../../web/src/config/readEnv.ts";

// Ponder loads this through Vite, which has no `import.meta.dirname`.
const root = fileURLToPath(new URL("../..", import.meta.url));

const settings = z.object({
  CHAIN_ID: z.coerce.number({ message: "must be a chain id" }).int().positive().default(31337),
  CHAIN_RPC_URL: url("http://127.0.0.1:8545").default("http://127.0.0.1:8545"),
  // A Postgres server for the index (the stack passes DATABASE_URL's); without it, Ponder's own PGlite.
  INDEX_DATABASE_URL: url("postgres://user:password@db.example.org:5432/topnftpost").optional(),
  TOPNFTPOST_DATA_DIR: z.string().default(join(root, ".data")),
  IPFS_GATEWAY_URL: url("http://127.0.0.1:8080").default("http://127.0.0.1:8080"),
  IPFS_TIMEOUT_MS,
  // Where deployments/<chainId>.json lives (tests deploy elsewhere).
  DEPLOYMENTS_DIR: z.string().default(join(root, "deployments")),
  // Ponder's schema for this build of the indexer (startIndexer.ts names it; `ponder start` reads it too).
  DATABASE_SCHEMA: z
    .string()
    .regex(/^[a-z_][a-z0-9_]{0,44}$/, "must be a lower-case schema name of at most 45 characters")
    .default("indexer"),
  // How often the chain is asked for new blocks: bounds how soon an article appears.
  INDEXER_POLLING_MS: milliseconds(250),
});

type Deployed = { address: Address; blockNumber: number };
interface DeploymentRecord {
  contracts: Record<"MembershipPass" | "ArticleEditions", Deployed> & Partial<Record<"CoverageGovernor" | "CoverageDesk", Deployed>>;
}

/** What the indexer follows: the chain, and the publication deployed on it (deployments/<chainId>.json). */
export function indexerSettings(env: NodeJS.ProcessEnv = process.env) {
  const values = readEnv(settings, env, "Bad indexer settings");
  const file = join(values.DEPLOYMENTS_DIR, `${values.CHAIN_ID}.json`);
  if (!existsSync(file)) throw new Error(`CHAIN_ID: no deployment of the publication on chain ${values.CHAIN_ID} (${file} is missing)`);
  const { contracts } = JSON.parse(readFileSync(file, "utf8")) as DeploymentRecord;
  return {
    chainId: values.CHAIN_ID,
    rpcUrl: values.CHAIN_RPC_URL,
    database: values.INDEX_DATABASE_URL
      ? ({ kind: "postgres", url: values.INDEX_DATABASE_URL } as const)
      : ({ kind: "pglite", directory: join(values.TOPNFTPOST_DATA_DIR, "indexer") } as const),
    gateway: { gatewayUrl: values.IPFS_GATEWAY_URL, timeoutMs: values.IPFS_TIMEOUT_MS },
    pollingMs: values.INDEXER_POLLING_MS,
    schema: values.DATABASE_SCHEMA,
    pass: { address: getAddress(contracts.MembershipPass.address), startBlock: contracts.MembershipPass.blockNumber },
    editions: { address: getAddress(contracts.ArticleEditions.address), startBlock: contracts.ArticleEditions.blockNumber },
    // A publication deployed without its DAO: the zero address, which emits nothing, keeps the
    // DAO's handlers valid and its tables empty.
    governor: governed(contracts.CoverageGovernor, contracts.MembershipPass),
    desk: governed(contracts.CoverageDesk, contracts.MembershipPass),
  };
}

const governed = (deployed: Deployed | undefined, fallback: Deployed) =>
  deployed
    ? { address: getAddress(deployed.address), startBlock: deployed.blockNumber }
    : { address: zeroAddress, startBlock: fallback.blockNumber };
