import { type ChildProcess, spawn } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { status } from "@nomicfoundation/ignition-core";
import { type Address, createTestClient, getAddress, http, publicActions, zeroHash } from "viem";
import { mnemonicToAccount } from "viem/accounts";
import { foundry } from "viem/chains";
import { afterEach, describe, expect, it } from "vitest";
import { ignitionJournal } from "../../scripts/deploy/ignitionJournal.ts";
import { choosePort, waitFor } from "../../scripts/stack/processes.ts";
import { articleEditionsAbi, membershipPassAbi, timelockControllerAbi } from "../../web/src/generated/contracts.ts";

// `npm run deploy` (scripts/deploy/deploy.ts, the command `npm start` runs too) killed with
// SIGKILL in the middle of its role handover, then run again: one fully governed publication.
// The chain (anvil) mines only when this test says so, so the kill lands at a known step.

const root = join(import.meta.dirname, "../..");
const deployer = getAddress(mnemonicToAccount("test test test test test test test test test test test junk").address);
const running: ChildProcess[] = [];
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const kill = (child: ChildProcess) => {
  try {
    process.kill(-child.pid!, "SIGKILL");
  } catch {}
};
afterEach(() => {
  for (const child of running.splice(0)) kill(child);
});

function spawnGroup(command: string, args: string[], env: NodeJS.ProcessEnv) {
  const child = spawn(command, args, { cwd: root, env: { ...process.env, ...env }, detached: true, stdio: ["ignore", "pipe", "pipe"] });
  running.push(child);
  let output = "";
  child.stdout!.on("data", (chunk) => (output += chunk));
  child.stderr!.on("data", (chunk) => (output += chunk));
  const exited = new Promise<{ code: number | null; output: string }>((resolve) => child.on("exit", (code) => resolve({ code, output })));
  return { child, exited };
}

async function startChain() {
  const port = await choosePort(0);
  spawnGroup(join(root, "node_modules/.bin/anvil"), ["--port", String(port), "--chain-id", "31337", "--no-mining"], {});
  const rpcUrl = `http://127.0.0.1:${port}`;
  const chain = { ...foundry, rpcUrls: { default: { http: [rpcUrl] } } };
  const client = createTestClient({ mode: "anvil", chain, transport: http(rpcUrl) }).extend(publicActions);
  await waitFor("anvil", async () => (await client.getChainId()) === 31337, 30_000);
  return { rpcUrl, client };
}

/** Role holders left standing by a contract's RoleGranted and RoleRevoked events. */
async function holders(client: Awaited<ReturnType<typeof startChain>>["client"], address: Address, role: `0x${string}`) {
  const abi = [...membershipPassAbi, ...articleEditionsAbi, ...timelockControllerAbi];
  const held = new Set<Address>();
  for (const log of await client.getContractEvents({ address, abi, fromBlock: 0n })) {
    if (log.eventName !== "RoleGranted" && log.eventName !== "RoleRevoked") continue;
    const args = log.args as { role: `0x${string}`; account: Address };
    if (args.role !== role) continue;
    if (log.eventName === "RoleGranted") held.add(getAddress(args.account));
    else held.delete(getAddress(args.account));
  }
  return [...held];
}

describe("npm run deploy, interrupted and run again", () => {
  it("resumes a deploy killed during the handover into one fully governed publication, and then does nothing", async () => {
    const dataDir = mkdtempSync(join(tmpdir(), "topnftpost-deploy-"));
    const recordsDir = join(dataDir, "deployments");
    const record = join(recordsDir, "31337.json");
    const { rpcUrl, client } = await startChain();
    const journal = await ignitionJournal(client, 31337, dataDir);
    const deploy = () =>
      spawnGroup(join(root, "node_modules/.bin/hardhat"), ["run", "--no-compile", "scripts/deploy/deploy.ts", "--network", "localhost"], {
        CHAIN_RPC_URL: rpcUrl,
        TOPNFTPOST_DATA_DIR: dataDir,
        TOPNFTPOST_DEPLOYMENTS_DIR: recordsDir,
      });
    const journalStatus = () => status(journal.dir).catch(() => undefined);

    // First run: mine a block at a time until the journal shows the handover has begun.
    const first = deploy();
    let ended: { code: number | null; output: string } | undefined;
    void first.exited.then((result) => (ended = result));
    for (;;) {
      const now = await journalStatus();
      if (now && [...now.started, ...now.successful].some((id) => id.startsWith("Handover#"))) break;
      if (ended) throw new Error(`The deploy ended before its handover began:\n${ended.output}`);
      await client.mine({ blocks: 1 });
      await sleep(100);
    }
    // Its first handover transaction sent, unmined: the process dies here.
    await waitFor("a handover transaction in the pool", async () => (await client.getTxpoolStatus()).pending > 0, 30_000);
    kill(first.child);
    await first.exited;

    const interrupted = await journalStatus();
    const contracts = Object.fromEntries(Object.values(interrupted!.contracts).map((c) => [c.contractName, getAddress(c.address)]));
    expect(Object.keys(contracts).sort()).toEqual([
      "ArticleEditions",
      "CoverageDesk",
      "CoverageGovernor",
      "MembershipPass",
      "TimelockController",
    ]);
    // Half governed: the deployer still holds every admin power, and nothing is recorded.
    for (const name of ["MembershipPass", "ArticleEditions", "TimelockController"]) {
      expect(await holders(client, contracts[name], zeroHash)).toContain(deployer);
    }
    expect(existsSync(record)).toBe(false);

    // Run again, on a chain that mines as usual now.
    await client.setAutomine(true);
    await client.mine({ blocks: 1 });
    const second = await deploy().exited;
    expect(second.code, second.output).toBe(0);

    const recorded = JSON.parse(readFileSync(record, "utf8")) as {
      chainId: number;
      contracts: Record<string, { address: Address; blockNumber: number }>;
    };
    expect(recorded.chainId).toBe(31337);
    expect(Object.fromEntries(Object.entries(recorded.contracts).map(([name, c]) => [name, getAddress(c.address)]))).toEqual(contracts);
    for (const { address, blockNumber } of Object.values(recorded.contracts)) {
      expect(await client.getCode({ address, blockNumber: BigInt(blockNumber) - 1n })).toBeUndefined();
      expect(await client.getCode({ address, blockNumber: BigInt(blockNumber) })).toMatch(/^0x[0-9a-f]+$/);
    }
    // One set of contracts: five creations on the whole chain.
    let creations = 0;
    for (let block = 0n; block <= (await client.getBlockNumber()); block++) {
      const { transactions } = await client.getBlock({ blockNumber: block, includeTransactions: true });
      creations += transactions.filter((tx) => tx.to === null).length;
    }
    expect(creations).toBe(5);
    // The timelock is the only admin everywhere; the deployer holds no admin power.
    for (const name of ["MembershipPass", "ArticleEditions", "TimelockController"]) {
      expect(await holders(client, contracts[name], zeroHash)).toEqual([contracts.TimelockController]);
    }
    const pass = { address: contracts.MembershipPass, abi: membershipPassAbi } as const;
    expect(await client.readContract({ ...pass, functionName: "tierCount" })).toBe(4n);
    // The local founding members (governanceSettings): accounts #0, #1 and #3.
    for (const index of [0, 1, 3]) {
      const member = mnemonicToAccount("test test test test test test test test test test test junk", { addressIndex: index }).address;
      expect(await client.readContract({ ...pass, functionName: "balanceOf", args: [member] })).toBe(1n);
    }

    // Run once more: nothing to do, nothing sent, the same record.
    const block = await client.getBlockNumber();
    const nonce = await client.getTransactionCount({ address: deployer });
    const third = await deploy().exited;
    expect(third.code, third.output).toBe(0);
    expect(await client.getBlockNumber()).toBe(block);
    expect(await client.getTransactionCount({ address: deployer })).toBe(nonce);
    expect(JSON.parse(readFileSync(record, "utf8"))).toEqual(recorded);
  }, 240_000);
});
