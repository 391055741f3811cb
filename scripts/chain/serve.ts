// The local chain that keeps what happened: anvil (from npm) on 127.0.0.1:$CHAIN_PORT, loading
// its last saved state at start and saving a new one after every block, so Ctrl-C, kill -9 or a
// machine restart resume the same chain. `npm start` supervises this process.
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
// How often the chain is asked whether a new block arrived; bounds what a kill -9 can lose.
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

const chain = createTestClient({ mode: "anvil", transport: http(rpcUrl, { retryCount: 0 }) }).extend(publicActions);

let savedBlock: bigint | undefined;
let saving = false;
async function saveIfChanged() {
  if (saving) return;
  saving = true;
  try {
    const block = await chain.getBlockNumber({ cacheTime: 0 });
    if (block !== savedBlock) {
      writeChainState(stateFile, await chain.dumpState());
      savedBlock = block;
    }
  } catch {
    // Not up yet, or stopping: the next poll tries again.
  } finally {
    saving = false;
  }
}
const saver = setInterval(saveIfChanged, SAVE_POLL_MS);
// A deliberate stop saves the very last block first.
for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.on(signal, async () => {
    clearInterval(saver);
    while (saving) await new Promise((resolve) => setTimeout(resolve, 20));
    await saveIfChanged();
    anvil.kill(signal);
  });
}

anvil.on("exit", (code, signal) => {
  clearInterval(saver);
  // A chain that crashed is restarted by the supervisor from the last saved state.
  process.exit(code ?? (signal === "SIGINT" || signal === "SIGTERM" ? 0 : 1));
});
