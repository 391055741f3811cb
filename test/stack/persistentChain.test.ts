import { type ChildProcess, spawn } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createPublicClient, createTestClient, createWalletClient, http, parseEther, toHex } from "viem";
import { mnemonicToAccount } from "viem/accounts";
import { foundry } from "viem/chains";
import { randomBytes } from "node:crypto";
import { afterEach, describe, expect, it } from "vitest";
import { chainStateFile, isLoadableState, savedBlockNumber } from "../../scripts/chain/chainStateFile.ts";
import { choosePort, waitFor } from "../../scripts/stack/processes.ts";

// The local chain (scripts/chain/serve.ts: anvil plus its state saver) killed with SIGKILL at
// random moments while transactions flow, then started again: it must always resume.

const root = join(import.meta.dirname, "../..");
const account = mnemonicToAccount("test test test test test test test test test test test junk");
const RECIPIENT = "0x000000000000000000000000000000000000dEaD";
let running: ChildProcess | undefined;

async function startChain(dataDir: string, port: number) {
  running = spawn(process.execPath, [join(root, "scripts/chain/serve.ts")], {
    env: { ...process.env, TOPNFTPOST_DATA_DIR: dataDir, CHAIN_PORT: String(port) },
    stdio: "ignore",
    detached: true,
  });
  const chain = { ...foundry, rpcUrls: { default: { http: [`http://127.0.0.1:${port}`] } } };
  const client = createPublicClient({ chain, transport: http() });
  const test = createTestClient({ mode: "anvil", chain, transport: http() });
  await waitFor("the chain", async () => (await client.getChainId()) === 31337, 30_000);
  return { client, test, wallet: createWalletClient({ account, chain, transport: http() }) };
}

const killChain = () => process.kill(-running!.pid!, "SIGKILL");
afterEach(() => {
  try {
    killChain();
  } catch {}
});

describe("the local chain", () => {
  it("resumes after kill -9 at any moment, keeping every transaction it saved", async () => {
    const dataDir = mkdtempSync(join(tmpdir(), "topnftpost-chain-"));
    const port = await choosePort(0);
    let confirmedBalance = 0n;
    for (let round = 0; round < 5; round++) {
      const { client, wallet } = await startChain(dataDir, port);
      // Everything confirmed and saved before the last crash is still there.
      const balance = await client.getBalance({ address: RECIPIENT });
      expect(balance).toBeGreaterThanOrEqual(confirmedBalance);
      for (let i = 0; i < 5; i++) {
        await client.waitForTransactionReceipt({ hash: await wallet.sendTransaction({ to: RECIPIENT, value: parseEther("1") }) });
      }
      // Saved once blocks pause (half a second), as a command's last block is.
      const head = await client.getBlockNumber({ cacheTime: 0 });
      await waitFor("the saver", async () => savedBlockNumber(chainStateFile(dataDir)) === head, 10_000);
      confirmedBalance = await client.getBalance({ address: RECIPIENT });
      // Keep sending while it dies: the kill lands in the middle of blocks and saves.
      void wallet.sendTransaction({ to: RECIPIENT, value: 1n }).catch(() => {});
      await new Promise((resolve) => setTimeout(resolve, Math.random() * 150));
      killChain();
      await new Promise((resolve) => setTimeout(resolve, 200));
      expect(isLoadableState(chainStateFile(dataDir))).toBe(true);
    }
    const { client } = await startChain(dataDir, port);
    expect(await client.getBalance({ address: RECIPIENT })).toBeGreaterThanOrEqual(parseEther("25"));
  });

  it("keeps saving once its history is large (a dump past 10 MB, as 10,000 articles make)", async () => {
    const dataDir = mkdtempSync(join(tmpdir(), "topnftpost-chain-"));
    const port = await choosePort(0);
    const { client, test } = await startChain(dataDir, port);
    // 600 contracts of 24 KB random code: about 19 MB of dump on the wire, which gzip cannot shrink.
    const contracts = Array.from({ length: 600 }, (_, at) => toHex(at + 1, { size: 20 }));
    for (const address of contracts) await test.setCode({ address, bytecode: toHex(randomBytes(24_000)) });
    await test.mine({ blocks: 1 });
    const last = await client.getBlockNumber();
    await waitFor("the saved state to reach the last block", async () => savedBlockNumber(chainStateFile(dataDir)) === last, 60_000);
    killChain();
    const resumed = await startChain(dataDir, port);
    expect(await resumed.client.getBlockNumber()).toBe(last);
    expect((await resumed.client.getCode({ address: contracts.at(-1)! }))?.length).toBe(2 + 48_000);
  }, 120_000);
});
