import { readFileSync } from "node:fs";
import { join } from "node:path";
import { expect, test } from "@playwright/test";
import { articleEditionsAbi, LOCAL_CHAIN_ID } from "../../web/src/generated/contracts.ts";
import { signIn, signInMessage } from "../helpers/siweClient.ts";
import { startExtraWebServer } from "./extraWebServer.ts";
import { publishFixture } from "./publishFixture.ts";
import { LEVEL_TWO_PREMIUM_SENTENCE, testAccount, webStack } from "./webStack.ts";

// What readers get while a part of the stack is down: an article IPFS cannot deliver fails
// alone, and a page that cannot be built says so, in the reader's language, as a 503 with
// Retry-After, never a blank 500. Each test runs its own web server (1 s timeouts), so only
// what that server had read before the outage is cached.

const stack = webStack();
const LEVEL_TWO = 3; // seeded, premium from level 2; account #3 holds a lifetime member pass

/**
 * Freezes a service of the running stack (SIGSTOP to its process group): it keeps its port and
 * answers nothing, as a hung node does. The supervisor sees no crash; `thaw` lets it go on.
 */
function freeze(service: "chain" | "ipfs" | "database") {
  const pid = Number(readFileSync(join(stack.dataDir, "logs", `${service}.pid`), "utf8"));
  process.kill(-pid, "SIGSTOP");
  return { thaw: () => process.kill(-pid, "SIGCONT") };
}

/** A request that must be answered, not left hanging; logs how long it took (measured, not asserted). */
async function get(url: string, headers: Record<string, string> = {}) {
  const started = Date.now();
  const response = await fetch(url, { headers, signal: AbortSignal.timeout(20_000) });
  const text = await response.text();
  console.log(`[degrade] ${new URL(url).pathname} answered ${response.status} in ${Date.now() - started} ms`);
  return { status: response.status, retryAfter: response.headers.get("retry-after"), text };
}

test("an article IPFS cannot deliver fails alone: the others read, its page reads its free part from the index, its premium part answers 503", async () => {
  const cookie = await signIn(testAccount(3).account, { baseUrl: stack.siteUrl, chainId: LOCAL_CHAIN_ID });
  const server = await startExtraWebServer({});
  let ipfs: ReturnType<typeof freeze> | undefined;
  try {
    // The server reads the front page, an article and its premium part while IPFS answers.
    expect((await get(`${server.url}/`)).status).toBe(200);
    expect((await get(`${server.url}/articles/${LEVEL_TWO}`)).status).toBe(200);
    expect((await get(`${server.url}/api/articles/${LEVEL_TWO}/premium`, { cookie })).text).toContain(LEVEL_TWO_PREMIUM_SENTENCE);
    // A new article it has never fetched, then IPFS stops answering.
    await publishFixture(stack, "ipfs-outage.en.md");
    const unfetched = await stack.publicClient.readContract({
      address: stack.editions,
      abi: articleEditionsAbi,
      functionName: "articleCount",
    });
    // Listed once the index has its metadata; this server has still fetched nothing of it.
    await expect.poll(async () => (await get(`${stack.siteUrl}/articles/ipfs-outage`)).status, { timeout: 30_000 }).toBe(200);
    ipfs = freeze("ipfs");

    const front = await get(`${server.url}/`);
    expect(front.status).toBe(200);
    expect(front.text).toContain("Kaia"); // the list comes from the index: IPFS is not asked
    expect(front.text).toContain("Published just before IPFS went down");

    const article = await get(`${server.url}/articles/${LEVEL_TWO}`);
    expect(article.status).toBe(200);
    expect(article.text).toContain('data-testid="free-content"');
    const premium = await get(`${server.url}/api/articles/${LEVEL_TWO}/premium`, { cookie });
    expect(premium.status).toBe(200);
    expect(premium.text).toContain(LEVEL_TWO_PREMIUM_SENTENCE);

    // The indexer stored the free part with the metadata: the page needs nothing from IPFS.
    for (const path of ["/articles/ipfs-outage", `/articles/${unfetched}`]) {
      const page = await get(`${server.url}${path}`);
      expect(page.status, path).toBe(200);
      expect(page.text, path).toContain("Free part of an article whose metadata no web server has cached.");
    }
    const unfetchedPremium = await get(`${server.url}/api/articles/${unfetched}/premium`, { cookie });
    expect(unfetchedPremium.status).toBe(503);
    expect(JSON.parse(unfetchedPremium.text).error).toContain("IPFS");

    // Nothing failed is remembered: once IPFS answers again, the premium part reads.
    ipfs.thaw();
    ipfs = undefined;
    await expect
      .poll(async () => (await get(`${server.url}/api/articles/${unfetched}/premium`, { cookie })).status, { timeout: 30_000 })
      .toBe(200);
  } finally {
    ipfs?.thaw();
    server.stop();
  }
});

test("with the chain down, listing pages read on from the index; a page that needs the chain is a 503 in Korean or English", async ({
  browser,
}) => {
  const cookie = await signIn(testAccount(3).account, { baseUrl: stack.siteUrl, chainId: LOCAL_CHAIN_ID });
  const server = await startExtraWebServer({});
  const chain = freeze("chain");
  try {
    // The front page, membership offer and article pages come from the index and IPFS.
    const front = await get(`${server.url}/`);
    expect(front.status).toBe(200);
    expect(front.text).toContain("Kaia");
    for (const path of ["/membership", `/articles/${LEVEL_TWO}`]) expect((await get(`${server.url}${path}`)).status, path).toBe(200);

    // A reader's library is read from the chain at the latest block.
    const korean = await browser.newContext({ locale: "ko-KR" });
    const [name, value] = cookie.split(";")[0].split("=");
    await korean.addCookies([{ name, value, url: server.url }]);
    const page = await korean.newPage();
    const answer = await page.goto(`${server.url}/library`);
    expect(answer?.status()).toBe(503);
    expect(await answer?.headerValue("retry-after")).not.toBeNull();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("잠시 이 페이지를 열 수 없습니다");
    await expect(page.getByTestId("service-unavailable")).toContainText("블록체인이 응답하지 않아");
    await page.screenshot({ path: test.info().outputPath("chain-down-ko.png") });
    await korean.close();

    // The reader's choice (the language cookie) wins over the browser's language.
    const english = await get(`${server.url}/library`, { "accept-language": "ko-KR", cookie: `${cookie}; topnftpost_lang=en` });
    expect(english.status).toBe(503);
    expect(english.text).toContain("The blockchain did not answer");
  } finally {
    chain.thaw();
    server.stop();
  }
});

test("with the database down, a page that needs the reader's session is a 503 saying why", async () => {
  const cookie = await signIn(testAccount(3).account, { baseUrl: stack.siteUrl, chainId: LOCAL_CHAIN_ID });
  const server = await startExtraWebServer({});
  expect((await get(`${server.url}/library`, { cookie })).status).toBe(200); // the pool is open before the outage
  const database = freeze("database");
  try {
    const library = await get(`${server.url}/library`, { cookie });
    expect(library.status).toBe(503);
    expect(library.text).toContain("The database did not answer");
    const premium = await get(`${server.url}/api/articles/${LEVEL_TWO}/premium`, { cookie });
    expect(premium.status).toBe(503);
    expect(JSON.parse(premium.text).error).toContain("database");
    expect((await get(`${server.url}/membership`, { cookie })).status).toBe(200); // a page that needs no session still shows
    // Signing in needs the database (nonces, sessions): a 503 saying so in the reader's language, no cookie.
    for (const [language, text] of [
      ["en", "The database did not answer, so you cannot sign in"],
      ["ko", "데이터베이스가 응답하지 않아 지금은 로그인할 수 없습니다"],
    ]) {
      const signed = await signInMessage(testAccount(4).account, { baseUrl: server.url, siteUrl: stack.siteUrl, chainId: LOCAL_CHAIN_ID });
      const response = await fetch(`${server.url}/api/auth/verify`, {
        method: "POST",
        headers: { "content-type": "application/json", "accept-language": language },
        body: JSON.stringify(signed),
        signal: AbortSignal.timeout(20_000),
      });
      expect(response.status).toBe(503);
      expect(response.headers.get("retry-after")).toBe("30");
      expect(response.headers.get("set-cookie")).toBeNull();
      expect(((await response.json()) as { error: string }).error).toContain(text);
    }
    const session = await fetch(`${server.url}/api/auth/session`, { headers: { cookie }, signal: AbortSignal.timeout(20_000) });
    expect(session.status).toBe(503);
    expect(session.headers.get("retry-after")).toBe("30");
  } finally {
    database.thaw();
    server.stop();
  }
});
