// The local chain that keeps what happened: anvil (from npm) on 127.0.0.1:$CHAIN_PORT, loading
// its last saved state at start and saving a new one after every block (once blocks pause for
// half a second), so Ctrl-C, kill -9 or a machine restart resume the same chain. `npm start` supervises this process.
import { spawn } from "node:child_process";
import { mkdirSync } from "node:fs";
import { dirname, join } from "node:path";
import { createTestClient, http, publicActions } from "viem";
import { z } from "zod";
import { port } from "../../web/src/config/envSchemas.ts";
import { readEnv } from "../../web/src/config/readEnv.ts";
import { chainStateFile, isLoadableState, writeChainState } from "./chainStateFile.ts";

const root = join(import.meta.dirname, "../..");
const settings = z.object({ TOPNFTPOST_DATA_DIR: z.string().default(join(root, ".data")), CHAIN_PORT: port(8545) });
const { TOPNFTPOST_DATA_DIR: dataDir, CHAIN_PORT } = readEnv(settings, process.env, "Bad chain settings");
const stateFile = chainStateFile(dataDir);
const rpcUrl = `http://127.0.0.1:${CHAIN_PORT}`;
// How often the chain is asked whether a new block arrived (a save then waits for a pause: QUIET_MS).
const SAVE_POLL_MS = 200;

mkdirSync(dirname(stateFile), { recursive: true });
const args = ["--host", "127.0.0.1", "--port", String(CHAIN_PORT), "--accounts", "20", "--chain-id", "31337"];
if (isLoadableState(stateFile)) {
  args.push("--load-state", stateFile);
  console.log(`Resuming the chain from ${stateFile}`);
} else {
  console.log("Starting a new chain");
}

const anvil = spawn(join(root, "node_modules/.bin/anvil"), args, { stdio: "inherit" });

// A dump holds the whole history: past viem's 10 MB default (a few thousand articles) it must
// still be read, or every save fails and is retried, keeping anvil busy and saving nothing.
const chain = createTestClient({
  mode: "anvil",
  transport: http(rpcUrl, { retryCount: 0, timeout: 120_000, maxResponseBodySize: false }),
}).extend(publicActions);

let savedBlock: bigint | undefined;
let saving = false;
let lastFailure = "";
// After a failed dump, the next try waits: each try costs anvil a whole dump.
const RETRY_AFTER_FAILURE_MS = 2_000;
let retryAt = 0;
// A dump holds anvil's state while it is written (1.5 s with 10,000 articles), so a command's
// next calls (its receipt, the indexer's reads of the block) would wait behind it: a save waits
// until no block came for QUIET_MS, and never longer than MAX_DELAY_MS after the first unsaved one.
const QUIET_MS = 500;
const MAX_DELAY_MS = 3_000;
let newestBlock: { number: bigint; seenAt: number } | undefined;
let firstUnsavedAt: number | undefined;
async function saveIfChanged(now = false) {
  if (saving || (!now && Date.now() < retryAt)) return;
  saving = true;
  let answered = false;
  try {
    const block = await chain.getBlockNumber({ cacheTime: 0 });
    answered = true;
    if (block !== savedBlock) {
      const at = Date.now();
      if (newestBlock?.number !== block) newestBlock = { number: block, seenAt: at };
      firstUnsavedAt ??= at;
      if (!now && at - newestBlock.seenAt < QUIET_MS && at - firstUnsavedAt < MAX_DELAY_MS) return;
      writeChainState(stateFile, await chain.dumpState());
      savedBlock = block;
      firstUnsavedAt = undefined;
      if (lastFailure) console.log(`Saved the chain state again at block ${block}`);
      lastFailure = "";
    }
  } catch (error) {
    // Not up yet, or stopping: the next poll tries again. A dump that fails is said once and retried.
    if (answered) {
      const reason = (error as Error).message.split("\n")[0];
      if (reason !== lastFailure) console.error(`Could not save the chain state (${reason}); retrying`);
      lastFailure = reason;
      retryAt = Date.now() + RETRY_AFTER_FAILURE_MS;
    }
  } finally {
    saving = false;
  }
}
const saver = setInterval(() => saveIfChanged(), SAVE_POLL_MS);
// A deliberate stop saves the very last block first.
for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.on(signal, async () => {
    clearInterval(saver);
    while (saving) await new Promise((resolve) => setTimeout(resolve, 20));
    await saveIfChanged(true);
    anvil.kill(signal);
  });
}

anvil.on("exit", (code, signal) => {
  clearInterval(saver);
  // A chain that crashed is restarted by the supervisor from the last saved state.
  process.exit(code ?? (signal === "SIGINT" || signal === "SIGTERM" ? 0 : 1));
});
