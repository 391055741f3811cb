import { join } from "node:path";
import { indexerSchema } from "./indexerSchema.ts";

const root = join(import.meta.dirname, "../..");

export interface IndexerProcessOptions {
  /** Folder holding `<chainId>.json` (deployments/ for the local stack). */
  deploymentsDir: string;
  chainId: number;
  /** HTTP port of the indexer's API (choose a free one: Ponder needs a number). */
  port: number;
  env: NodeJS.ProcessEnv;
  /** "start" indexes (one per schema); "serve" only answers reads from the same Postgres schema. */
  mode?: "start" | "serve";
}

/**
 * The command that runs the indexer (`ponder start` on scripts/indexer), or a read replica of it
 * (`ponder serve`, Postgres only), and the environment it needs, for the local stack and the tests.
 */
export function indexerProcess(options: IndexerProcessOptions) {
  const schema = indexerSchema(join(options.deploymentsDir, `${options.chainId}.json`));
  return {
    command: join(root, "node_modules/.bin/ponder"),
    args: [
      "--root",
      join(root, "scripts/indexer"),
      "--log-format",
      "json",
      options.mode ?? "start",
      "--schema",
      schema,
      "--port",
      String(options.port),
      "--hostname",
      "127.0.0.1",
    ],
    env: {
      ...options.env,
      DATABASE_SCHEMA: schema,
      DEPLOYMENTS_DIR: options.deploymentsDir,
      CHAIN_ID: String(options.chainId),
      // No telemetry from a local publication (and no internet to send it to).
      PONDER_TELEMETRY_DISABLED: "true",
    },
    url: `http://127.0.0.1:${options.port}`,
    schema,
  };
}
