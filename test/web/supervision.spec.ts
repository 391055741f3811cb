import { readFileSync } from "node:fs";
import { join } from "node:path";
import { expect, test } from "@playwright/test";
import { articleEditionsAbi, LOCAL_CHAIN_ID } from "../../web/src/generated/contracts.ts";
import { signIn } from "../helpers/siweClient.ts";
import { LEVEL_TWO_PREMIUM_SENTENCE, testAccount, webStack } from "./webStack.ts";

// Faults an operator meets: one service of the running stack killed with SIGKILL. The supervisor
// must start it again alone, from what it had saved, while the others keep serving.

const stack = webStack();
const LEVEL_TWO = 3;

/** Kills a service's whole process group, as a crash or the OOM killer would; returns its old pid. */
function crash(service: string) {
  const pid = Number(readFileSync(join(stack.dataDir, "logs", `${service}.pid`), "utf8"));
  process.kill(-pid, "SIGKILL");
  return pid;
}

/** Waits until the service runs under a new pid and `probe` passes; returns the seconds it took. */
async function recovered(service: string, oldPid: number, probe: () => Promise<boolean>) {
  const started = Date.now();
  await expect
    .poll(
      async () => {
        const pid = Number(readFileSync(join(stack.dataDir, "logs", `${service}.pid`), "utf8"));
        return pid !== oldPid && (await probe().catch(() => false));
      },
      { timeout: 60_000, intervals: [250] },
    )
    .toBe(true);
  const seconds = (Date.now() - started) / 1000;
  console.log(`[fault] ${service} back in ${seconds.toFixed(1)} s`);
  return seconds;
}

const premium = async (cookie: string) => {
  const response = await fetch(`${stack.siteUrl}/api/articles/${LEVEL_TWO}/premium`, { headers: { cookie } });
  return { status: response.status, text: await response.text() };
};
/** The gateway URL of the first article's metadata, which the publish step pinned. */
async function pinnedUrl() {
  const [uri] = await stack.publicClient.readContract({
    address: stack.editions,
    abi: articleEditionsAbi,
    functionName: "article",
    args: [1n],
  });
  return `${stack.ipfsGateway}/ipfs/${uri.slice("ipfs://".length)}`;
}
const articleCount = () =>
  stack.publicClient.readContract({ address: stack.editions, abi: articleEditionsAbi, functionName: "articleCount" });

test.describe("a crashed service comes back alone, with what it had", () => {
  test("the chain: restarted from its saved state, every article and pass still there", async () => {
    const articles = await articleCount();
    const blockBefore = await stack.publicClient.getBlockNumber();
    const cookie = await signIn(testAccount(3).account, { baseUrl: stack.siteUrl, chainId: LOCAL_CHAIN_ID });
    await new Promise((resolve) => setTimeout(resolve, 500)); // the chain saves within 200 ms of a block
    const oldPid = crash("chain");
    await recovered("chain", oldPid, async () => (await articleCount()) === articles);
    expect(await stack.publicClient.getBlockNumber()).toBeGreaterThanOrEqual(blockBefore);
    // The member's lifetime pass is on the resumed chain: the premium part reads again.
    await expect.poll(async () => (await premium(cookie)).status, { timeout: 30_000 }).toBe(200);
    expect((await premium(cookie)).text).toContain(LEVEL_TWO_PREMIUM_SENTENCE);
  });

  test("the web server: restarted alone, sessions kept, the IPFS gateway served meanwhile", async () => {
    const cookie = await signIn(testAccount(3).account, { baseUrl: stack.siteUrl, chainId: LOCAL_CHAIN_ID });
    const metadata = await pinnedUrl();
    const oldPid = crash("web");
    expect((await fetch(metadata)).status).toBe(200); // IPFS answers while the web server is down
    await recovered("web", oldPid, async () => (await fetch(`${stack.siteUrl}/api/auth/nonce`)).ok);
    const answer = await premium(cookie);
    expect(answer.status).toBe(200);
    expect(answer.text).toContain(LEVEL_TWO_PREMIUM_SENTENCE);
  });

  test("the database: restarted from disk, a logout before the crash still refused", async () => {
    const loggedOut = await signIn(testAccount(3).account, { baseUrl: stack.siteUrl, chainId: LOCAL_CHAIN_ID });
    const kept = await signIn(testAccount(3).account, { baseUrl: stack.siteUrl, chainId: LOCAL_CHAIN_ID });
    await fetch(`${stack.siteUrl}/api/auth/logout`, { method: "POST", headers: { cookie: loggedOut } });
    const oldPid = crash("database");
    await recovered("database", oldPid, async () => (await premium(kept)).status === 200);
    expect((await premium(loggedOut)).status).toBe(401);
  });

  test("the IPFS node: restarted alone, pinned content served again", async () => {
    const metadata = await pinnedUrl();
    const oldPid = crash("ipfs");
    await recovered("ipfs", oldPid, async () => (await fetch(metadata)).ok);
    const cookie = await signIn(testAccount(3).account, { baseUrl: stack.siteUrl, chainId: LOCAL_CHAIN_ID });
    await expect.poll(async () => (await premium(cookie)).status, { timeout: 30_000 }).toBe(200);
  });
});
