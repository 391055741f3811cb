import { readFileSync } from "node:fs";
import { join } from "node:path";
import { expect, test } from "@playwright/test";
import { zeroAddress } from "viem";
import { generatePrivateKey, privateKeyToAddress } from "viem/accounts";
import { articleEditionsAbi, LOCAL_CHAIN_ID, membershipPassAbi } from "../../web/src/generated/contracts.ts";
import { createIndexReader } from "../../web/src/indexer/createIndexReader.ts";
import { chainStateFile, savedBlockNumber } from "../../scripts/chain/chainStateFile.ts";
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

/** Articles the pages list: every one but those unlisted on chain (the studio tests unlist one). */
async function listedArticleCount() {
  const read = { address: stack.editions, abi: articleEditionsAbi } as const;
  let listed = 0;
  for (let id = 1n; id <= (await articleCount()); id++) {
    if (!(await stack.publicClient.readContract({ ...read, functionName: "isUnlisted", args: [id] }))) listed += 1;
  }
  return listed;
}

test.describe("a crashed service comes back alone, with what it had", () => {
  test("the chain: restarted from its saved state, every article and pass still there", async () => {
    const articles = await articleCount();
    const blockBefore = await stack.publicClient.getBlockNumber();
    const cookie = await signIn(testAccount(3).account, { baseUrl: stack.siteUrl, chainId: LOCAL_CHAIN_ID });
    // The chain saves once blocks pause for half a second: the crash comes after that save.
    const head = await stack.publicClient.getBlockNumber({ cacheTime: 0 });
    await expect.poll(() => savedBlockNumber(chainStateFile(stack.dataDir)), { timeout: 15_000 }).toBe(head);
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

  test("the indexer: resumed from its own data once Ponder's lock lapses, every article listed, what came meanwhile indexed", async () => {
    const index = createIndexReader({ url: stack.indexerUrl, timeoutMs: 5_000 });
    // Every article the stack published is listed (but unlisted ones): its chain facts and its metadata from IPFS.
    const articles = await listedArticleCount();
    await expect.poll(async () => (await index.listArticles({ limit: 100 })).articles.length, { timeout: 30_000 }).toBe(articles);
    const oldPid = crash("indexer");
    // A pass bought while the indexer is down, for a wallet that never held one.
    const recipient = privateKeyToAddress(generatePrivateKey());
    const read = { address: stack.pass, abi: membershipPassAbi } as const;
    const tierCount = await stack.publicClient.readContract({ ...read, functionName: "tierCount" });
    let tierId = 1n;
    while (!(await stack.publicClient.readContract({ ...read, functionName: "tier", args: [tierId] }))[0].saleOpen) tierId++;
    expect(tierId).toBeLessThanOrEqual(tierCount);
    const [config] = await stack.publicClient.readContract({ ...read, functionName: "tier", args: [tierId] });
    const { wallet } = testAccount(9);
    const hash = await wallet.writeContract({
      ...read,
      functionName: "purchase",
      args: [tierId, recipient, zeroAddress],
      value: config.price,
    });
    await stack.publicClient.waitForTransactionReceipt({ hash });
    // Ponder waits out the dead process's schema lock (25 s) before it resumes.
    await recovered("indexer", oldPid, async () => (await fetch(`${stack.indexerUrl}/ready`)).ok);
    await expect.poll(async () => (await index.libraryOf(recipient)).passes.map((p) => p.tierId), { timeout: 30_000 }).toEqual([tierId]);
    expect((await index.listArticles({ limit: 100 })).articles).toHaveLength(articles);
  });
});
