import { createHmac, randomBytes, randomUUID } from "node:crypto";
import { expect, test } from "@playwright/test";
import { decodeJwt, SignJWT } from "jose";
import { getAddress, parseEther, zeroAddress } from "viem";
import { databaseUrl } from "../../web/src/db/databaseUrl.ts";
import { openDatabase } from "../../web/src/db/openDatabase.ts";
import { databaseSessionStore } from "../../web/src/server/stores/databaseSessionStore.ts";
import { articleEditionsAbi, LOCAL_CHAIN_ID, membershipPassAbi } from "../../web/src/generated/contracts.ts";
import { MAX_LIVE_SESSIONS_PER_ADDRESS } from "../../web/src/server/stores/sessionStore.ts";
import { postSignIn, signIn, signInMessage } from "../helpers/siweClient.ts";
import { startExtraWebServer } from "./extraWebServer.ts";
import { advanceChainTime, LEVEL_TWO_PREMIUM_SENTENCE, SAMPLE_PREMIUM_SENTENCE, testAccount, webStack } from "./webStack.ts";

// Every way in without paying, each checked for its status and for not leaking premium text.
// Article ids follow the seed order: 1 sample (level 1), 3 level 2, 6 edition holders only.

const stack = webStack();
const base = stack.siteUrl;
const SAMPLE = 1;
const LEVEL_TWO = 3;
const EDITION_ONLY = 6;

async function premium(articleId: number | string, cookie?: string, server = base) {
  const response = await fetch(`${server}/api/articles/${articleId}/premium`, { headers: cookie ? { cookie } : {} });
  const text = await response.text();
  return { status: response.status, text, cacheControl: response.headers.get("cache-control") };
}

function expectNoPremium(text: string) {
  expect(text).not.toContain(SAMPLE_PREMIUM_SENTENCE);
  expect(text).not.toContain(LEVEL_TWO_PREMIUM_SENTENCE);
}

async function buyPass(index: number, tierId: bigint, price: bigint) {
  const { account, wallet } = testAccount(index);
  const hash = await wallet.writeContract({
    address: stack.pass,
    abi: membershipPassAbi,
    functionName: "purchase",
    args: [tierId, account.address, zeroAddress],
    value: price,
  });
  await stack.publicClient.waitForTransactionReceipt({ hash });
  return account;
}

const signInAs = (index: number) => signIn(testAccount(index).account, { baseUrl: base, chainId: LOCAL_CHAIN_ID });
const sessionToken = (claims: Record<string, unknown>, subject: string, expiresAt: number, secret: string) =>
  new SignJWT(claims)
    .setProtectedHeader({ alg: "HS256" })
    .setSubject(subject)
    .setJti(randomUUID())
    .setIssuedAt()
    .setExpirationTime(expiresAt)
    .sign(new TextEncoder().encode(secret));

async function sessionOf(cookie: string) {
  const response = await fetch(`${base}/api/auth/session`, { headers: { cookie } });
  return { status: response.status, body: (await response.json()) as { authenticated: boolean; expiresAt?: number } };
}

/** Records a hand-made token in the shared database, as the server that issued it would have. */
async function recordSession(token: string) {
  const claims = decodeJwt(token);
  const db = openDatabase(databaseUrl(stack.dataDir));
  await databaseSessionStore(db).open({ id: claims.jti!, address: getAddress(claims.sub!), issuedAt: claims.iat!, expiresAt: claims.exp! });
  await db.destroy();
}

const cookieMaxAge = (setCookie: string | null) => Number(/Max-Age=(\d+)/i.exec(setCookie ?? "")?.[1]);

test.describe("the premium gate", () => {
  test("answers 401 without a session cookie", async () => {
    const answer = await premium(SAMPLE);
    expect(answer.status).toBe(401);
    expect(answer.text).toContain("Sign in");
    expectNoPremium(answer.text);
  });

  test("serves a member the premium part, privately", async () => {
    const answer = await premium(LEVEL_TWO, await signInAs(3)); // #3 holds the seeded lifetime member pass
    expect(answer.status).toBe(200);
    expect(answer.text).toContain(LEVEL_TWO_PREMIUM_SENTENCE);
    expect(answer.cacheControl).toBe("private, no-store");
  });

  test("sets an httpOnly, SameSite=Lax session cookie with a bounded lifetime", async () => {
    const result = await postSignIn(base, await signInMessage(testAccount(4).account, { baseUrl: base, chainId: LOCAL_CHAIN_ID }));
    expect(result.status).toBe(200);
    expect(result.setCookie).toMatch(/HttpOnly/i);
    expect(result.setCookie).toMatch(/SameSite=lax/i);
    expect(result.setCookie).not.toMatch(/Secure/i); // a localhost site; any other site gets Secure
    const maxAge = cookieMaxAge(result.setCookie);
    expect(maxAge).toBeGreaterThan(0);
    expect(maxAge).toBeLessThanOrEqual(86_400);
  });

  test("refuses a message whose address is not in EIP-55 checksum form, saying why", async () => {
    const account = testAccount(6).account;
    // viem writes the checksum form, so the message is rewritten, as another client might write it, and signed.
    const { message } = await signInMessage(account, { baseUrl: base, chainId: LOCAL_CHAIN_ID });
    const lowerCase = message.replace(account.address, account.address.toLowerCase());
    const result = await postSignIn(base, { message: lowerCase, signature: await account.signMessage({ message: lowerCase }) });
    expect(result.status).toBe(400);
    expect(result.body.error).toContain("EIP-55");
    expect(result.body.error).toContain(account.address);
    expect(result.cookie).toBeNull();
  });

  test("ends the session on logout: the old cookie is refused by the gate, the session API and the pages", async () => {
    const cookie = await signInAs(3);
    expect((await premium(LEVEL_TWO, cookie)).status).toBe(200);
    const library = async () => (await fetch(`${base}/library`, { headers: { cookie } })).text();
    expect(await library()).toContain("Member (lifetime, votes)");
    const logout = await fetch(`${base}/api/auth/logout`, { method: "POST", headers: { cookie } });
    expect(logout.status).toBe(200);
    expect(cookieMaxAge(logout.headers.get("set-cookie"))).toBe(0);
    // A copy of the cookie kept from before (another tab, a stolen token) is refused from now on.
    const answer = await premium(LEVEL_TWO, cookie);
    expect(answer.status).toBe(401);
    expectNoPremium(answer.text);
    expect(await sessionOf(cookie)).toEqual({ status: 401, body: { authenticated: false } });
    expect(await library()).not.toContain("Member (lifetime, votes)");
  });

  test("ends a session no later than the signed message's expirationTime", async () => {
    const expirationTime = new Date(Date.now() + 2 * 60_000);
    const result = await postSignIn(
      base,
      await signInMessage(testAccount(4).account, { baseUrl: base, chainId: LOCAL_CHAIN_ID, expirationTime }),
    );
    expect(result.status).toBe(200);
    const maxAge = cookieMaxAge(result.setCookie);
    expect(maxAge).toBeGreaterThan(0);
    expect(maxAge).toBeLessThanOrEqual(120);
    const session = await sessionOf(result.cookie!);
    expect(session.body.authenticated).toBe(true);
    expect(session.body.expiresAt).toBeLessThanOrEqual(Math.floor(expirationTime.getTime() / 1000));
    expect(result.body.expiresAt).toBe(session.body.expiresAt);
  });

  test(`keeps at most ${MAX_LIVE_SESSIONS_PER_ADDRESS} live sessions per address: one more sign-in ends the oldest`, async () => {
    const cookies: string[] = [];
    for (let i = 0; i <= MAX_LIVE_SESSIONS_PER_ADDRESS; i++) cookies.push(await signInAs(5));
    const [oldest, ...newer] = cookies;
    expect(await sessionOf(oldest)).toEqual({ status: 401, body: { authenticated: false } });
    for (const cookie of newer) expect((await sessionOf(cookie)).body.authenticated).toBe(true);
  });

  test("refuses a forged cookie", async () => {
    const forged = await sessionToken(
      { chainId: LOCAL_CHAIN_ID },
      testAccount(3).account.address,
      Math.floor(Date.now() / 1000) + 3600,
      randomBytes(32).toString("hex"),
    );
    const answer = await premium(LEVEL_TWO, `topnftpost_session=${forged}`);
    expect(answer.status).toBe(401);
    expectNoPremium(answer.text);
    expect((await premium(LEVEL_TWO, "topnftpost_session=not-a-token")).status).toBe(401);
  });

  test("refuses an expired session", async () => {
    const expired = await sessionToken(
      { chainId: LOCAL_CHAIN_ID },
      testAccount(3).account.address,
      Math.floor(Date.now() / 1000) - 60,
      stack.sessionSecret(),
    );
    await recordSession(expired); // as if a server had issued it, so only its expiry refuses it
    const answer = await premium(LEVEL_TWO, `topnftpost_session=${expired}`);
    expect(answer.status).toBe(401);
    expectNoPremium(answer.text);
  });

  test("refuses a well-signed token that no server issued: a leaked session secret mints no sessions", async () => {
    const minted = await sessionToken(
      { chainId: LOCAL_CHAIN_ID },
      testAccount(3).account.address,
      Math.floor(Date.now() / 1000) + 3600,
      stack.sessionSecret(),
    );
    const answer = await premium(LEVEL_TWO, `topnftpost_session=${minted}`);
    expect(answer.status).toBe(401);
    expectNoPremium(answer.text);
    await recordSession(minted);
    expect((await premium(LEVEL_TWO, `topnftpost_session=${minted}`)).status).toBe(200); // the record is what was missing
  });

  test("keeps a logout through a web server restart and across servers, while other sessions go on", async () => {
    const first = await startExtraWebServer({});
    let loggedOut: string;
    let kept: string;
    try {
      loggedOut = await signIn(testAccount(3).account, { baseUrl: first.url, siteUrl: base, chainId: LOCAL_CHAIN_ID });
      kept = await signIn(testAccount(3).account, { baseUrl: first.url, siteUrl: base, chainId: LOCAL_CHAIN_ID });
      expect((await fetch(`${first.url}/api/auth/logout`, { method: "POST", headers: { cookie: loggedOut } })).status).toBe(200);
    } finally {
      first.stop(); // never leave a server behind, even when a step fails
    }
    const second = await startExtraWebServer({});
    try {
      const refused = await premium(LEVEL_TWO, loggedOut, second.url);
      expect(refused.status).toBe(401);
      expectNoPremium(refused.text);
      expect((await premium(LEVEL_TWO, loggedOut)).status).toBe(401); // the stack's own server too
      expect((await premium(LEVEL_TWO, kept, second.url)).status).toBe(200);
    } finally {
      second.stop();
    }
  });

  test("refuses a message signed by another key", async () => {
    const { message } = await signInMessage(testAccount(3).account, { baseUrl: base, chainId: LOCAL_CHAIN_ID });
    const signature = await testAccount(10).account.signMessage({ message });
    const result = await postSignIn(base, { message, signature });
    expect(result.status).toBe(401);
    expect(result.body.error).toContain("does not belong");
    expect(result.cookie).toBeNull();
  });

  test("refuses a replayed nonce", async () => {
    const signed = await signInMessage(testAccount(11).account, { baseUrl: base, chainId: LOCAL_CHAIN_ID });
    expect((await postSignIn(base, signed)).status).toBe(200);
    const replay = await postSignIn(base, signed);
    expect(replay.status).toBe(401);
    expect(replay.body.error).toContain("already used");
    expect(replay.cookie).toBeNull();
  });

  test("refuses an expired nonce and an expired message", async () => {
    // A nonce made exactly as the server makes them, with the server's key, but already expired.
    const body = `${randomBytes(12).toString("hex")}${Math.floor(Date.now() / 1000 - 10)
      .toString(16)
      .padStart(10, "0")}`;
    const mac = createHmac("sha256", Buffer.from(stack.sessionSecret(), "utf8")).update(`siwe-nonce:${body}`).digest("hex").slice(0, 24);
    const stale = await postSignIn(
      base,
      await signInMessage(testAccount(12).account, { baseUrl: base, chainId: LOCAL_CHAIN_ID, nonce: `${body}${mac}` }),
    );
    expect(stale.status).toBe(401);
    expect(stale.body.error).toContain("expired");
    const late = await postSignIn(
      base,
      await signInMessage(testAccount(12).account, { baseUrl: base, chainId: LOCAL_CHAIN_ID, expirationTime: new Date(Date.now() - 1000) }),
    );
    expect(late.status).toBe(401);
    expect(late.cookie).toBeNull();
  });

  test("refuses a message for another domain, URI or chain", async () => {
    const account = testAccount(12).account;
    const otherDomain = await postSignIn(
      base,
      await signInMessage(account, { baseUrl: base, siteUrl: "https://evil.example", chainId: LOCAL_CHAIN_ID }),
    );
    expect(otherDomain.status).toBe(401);
    expect(otherDomain.body.error).toContain("evil.example");
    const otherPort = await postSignIn(
      base,
      await signInMessage(account, { baseUrl: base, siteUrl: "http://localhost:1", chainId: LOCAL_CHAIN_ID }),
    );
    expect(otherPort.status).toBe(401);
    const otherChain = await postSignIn(base, await signInMessage(account, { baseUrl: base, chainId: 8217 }));
    expect(otherChain.status).toBe(401);
    expect(otherChain.body.error).toContain("chain 8217");
    expect(await postSignIn(base, { message: "hello", signature: "0x00" })).toMatchObject({ status: 400 });
  });

  test("locks out a pass that is too low for the article, saying what would unlock it", async () => {
    const reader = await buyPass(13, 1n, parseEther("0.01"));
    const cookie = await signIn(reader, { baseUrl: base, chainId: LOCAL_CHAIN_ID });
    expect((await premium(SAMPLE, cookie)).status).toBe(200);
    const answer = await premium(LEVEL_TWO, cookie);
    expect(answer.status).toBe(403);
    expectNoPremium(answer.text);
    const body = JSON.parse(answer.text);
    expect(body.unlock.level).toBe(2);
    expect(body.unlock.tiers.map((tier: { id: number }) => tier.id)).toEqual([2, 3, 4]);
    expect(body.unlock.edition.price).toBe(parseEther("0.02").toString());
  });

  test("locks out a pass transferred away after sign-in, on the next request", async () => {
    const reader = await buyPass(14, 1n, parseEther("0.01"));
    const cookie = await signIn(reader, { baseUrl: base, chainId: LOCAL_CHAIN_ID });
    expect((await premium(SAMPLE, cookie)).status).toBe(200);
    const tokenId = await stack.publicClient.readContract({
      address: stack.pass,
      abi: membershipPassAbi,
      functionName: "passOf",
      args: [reader.address, 1n],
    });
    const { wallet } = testAccount(14);
    const hash = await wallet.writeContract({
      address: stack.pass,
      abi: membershipPassAbi,
      functionName: "transferFrom",
      args: [reader.address, testAccount(15).account.address, tokenId],
    });
    await stack.publicClient.waitForTransactionReceipt({ hash });
    const answer = await premium(SAMPLE, cookie);
    expect(answer.status).toBe(403);
    expectNoPremium(answer.text);
  });

  test("does not let an edition of one article open another", async () => {
    const { account, wallet } = testAccount(16);
    const [, sale] = await stack.publicClient.readContract({
      address: stack.editions,
      abi: articleEditionsAbi,
      functionName: "article",
      args: [BigInt(SAMPLE)],
    });
    const hash = await wallet.writeContract({
      address: stack.editions,
      abi: articleEditionsAbi,
      functionName: "collect",
      args: [BigInt(SAMPLE), 1n, account.address, zeroAddress],
      value: sale.price,
    });
    await stack.publicClient.waitForTransactionReceipt({ hash });
    const cookie = await signIn(account, { baseUrl: base, chainId: LOCAL_CHAIN_ID });
    expect((await premium(SAMPLE, cookie)).status).toBe(200);
    const other = await premium(EDITION_ONLY, cookie);
    expect(other.status).toBe(403);
    expect(other.text).not.toContain("콘텐츠 식별자");
  });

  test("answers 404 for unknown and 400 for malformed article ids", async () => {
    const cookie = await signInAs(3);
    expect((await premium(999, cookie)).status).toBe(404);
    for (const id of ["abc", "0", "1e3", "-1", "99999999999"]) expect((await premium(id, cookie)).status, id).toBe(400);
  });

  for (const [part, overrides, says] of [
    ["the IPFS node", { IPFS_GATEWAY_URL: "http://127.0.0.1:9" }, "IPFS"],
    ["the chain RPC", { CHAIN_RPC_URL: "http://127.0.0.1:9" }, "blockchain"],
  ] as const) {
    test(`answers 503 with a clear message when ${part} is down, leaking nothing`, async () => {
      const cookie = await signInAs(3);
      const server = await startExtraWebServer(overrides);
      try {
        const answer = await premium(LEVEL_TWO, cookie, server.url);
        expect(answer.status).toBe(503);
        expect(JSON.parse(answer.text).error).toContain(says);
        expectNoPremium(answer.text);
      } finally {
        server.stop();
      }
    });
  }

  // Last: it moves the shared chain's clock past every monthly pass.
  test("locks out a pass once it expires", async () => {
    const reader = await buyPass(17, 1n, parseEther("0.01"));
    const cookie = await signIn(reader, { baseUrl: base, chainId: LOCAL_CHAIN_ID });
    expect((await premium(SAMPLE, cookie)).status).toBe(200);
    await advanceChainTime(31 * 86_400);
    const answer = await premium(SAMPLE, cookie);
    expect(answer.status).toBe(403);
    expectNoPremium(answer.text);
  });
});
