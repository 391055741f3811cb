import { type ChildProcess, spawn } from "node:child_process";
import { join } from "node:path";
import { webStack } from "./webStack.ts";

const root = join(import.meta.dirname, "../..");

export interface CliRun {
  child: ChildProcess;
  /** Every line it printed so far, stdout and stderr. */
  lines: string[];
  /** Resolves with the exit code (null when killed by a signal) once it ends. */
  exited: Promise<number | null>;
}

/** Where the test stack runs: what the CLI needs to reach it. */
export interface StackEndpoints {
  rpcUrl: string;
  ipfsApi: string;
  ipfsGateway: string;
  siteUrl: string;
  dataDir: string;
  databaseUrl: string;
  /** The event index, once it runs (the setup's own publish comes before it starts). */
  indexerUrl?: string;
}

/**
 * `npm run publish:article` against the test stack, as an editor runs it; `onLine` sees each
 * line as it is printed (to kill the run at a chosen step).
 */
export function runPublishCli(
  args: string[],
  onLine: (line: string, run: CliRun) => void = () => {},
  stack: StackEndpoints = webStack(),
): CliRun {
  const child = spawn(process.execPath, [join(root, "scripts/content/publishArticle.ts"), ...args], {
    cwd: root,
    env: {
      ...process.env,
      CHAIN_RPC_URL: stack.rpcUrl,
      IPFS_API_URL: stack.ipfsApi,
      IPFS_GATEWAY_URL: stack.ipfsGateway,
      CONTENT_KEY_FILE: join(stack.dataDir, "keys", "content-master.key"),
      CONTENT_DATA_DIR: join(stack.dataDir, "content"),
      PUBLIC_SITE_URL: stack.siteUrl,
      DATABASE_URL: stack.databaseUrl,
      ...(stack.indexerUrl ? { INDEXER_URL: stack.indexerUrl } : {}),
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  const run: CliRun = {
    child,
    lines: [],
    exited: new Promise((resolve) => child.on("exit", (code) => resolve(code))),
  };
  for (const stream of [child.stdout, child.stderr]) {
    let pending = "";
    stream.on("data", (chunk: Buffer) => {
      pending += chunk.toString();
      const complete = pending.split("\n");
      pending = complete.pop()!;
      for (const line of complete) {
        run.lines.push(line);
        onLine(line, run);
      }
    });
  }
  return run;
}

/** Runs the CLI to its end; throws with its output when it fails. */
export async function publishWithCli(args: string[], stack: StackEndpoints = webStack()) {
  const run = runPublishCli(args, () => {}, stack);
  const code = await run.exited;
  if (code !== 0) throw new Error(`publish:article exited with ${code}:\n${run.lines.join("\n")}`);
  return run.lines;
}
