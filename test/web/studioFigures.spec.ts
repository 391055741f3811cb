import AxeBuilder from "@axe-core/playwright";
import { expect, test } from "@playwright/test";
import { zeroAddress } from "viem";
import { articleEditionsAbi, LOCAL_CHAIN_ID } from "../../web/src/generated/contracts.ts";
import type { PublishCall } from "../../web/src/publishing/publishArticleSource.ts";
import { reviveBigints } from "../../web/src/studio/publishCallJson.ts";
import { TEST_ACCOUNT_KEY } from "../../web/src/wallet/createWagmiConfig.ts";
import { signIn } from "../helpers/siweClient.ts";
import { testAccount, webStack } from "./webStack.ts";

// /studio's figures for a published article on the real stack: a collect shows as a sale, the
// editions left go down, the writer is owed their share, and withdrawing it pays their wallet.

const stack = webStack();
test.use({ baseURL: stack.siteUrl });

// #0 holds PUBLISHER_ROLE (the editor); #5 is a writer no other spec uses; #2 collects.
const EDITOR = 0;
const WRITER = 5;
const COLLECTOR = 2;
const PRICE = 1_000_000_000_000_000n;
const SUPPLY = 5;
const cookieOf = (index: number) => signIn(testAccount(index).account, { baseUrl: stack.siteUrl, chainId: LOCAL_CHAIN_ID });

async function api(method: string, path: string, cookie: string, body?: unknown) {
  const response = await fetch(`${stack.siteUrl}${path}`, {
    method,
    headers: { cookie, ...(body !== undefined ? { "content-type": "application/json" } : {}) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

/** A draft by the writer, reviewed and published by the editor through the studio's API and the editor's key. */
async function publishFromStudio(writerCookie: string, editorCookie: string) {
  const writer = testAccount(WRITER).account.address;
  const created = await api("POST", "/api/studio/drafts", writerCookie, {
    markdown: "판매 수치를 확인하는 기사의 무료 부분.\n\n<!-- premium -->\n\n판매 수치 기사의 유료 부분.",
    frontmatter: {
      title: "스튜디오 판매 수치 확인",
      slug: "studio-sales-figures",
      summary: "발행 뒤 판매와 수익이 스튜디오에 보인다.",
      language: "ko",
      published: "2026-11-27",
      edition: { price_wei: PRICE.toString(), max_supply: SUPPLY },
      premium: { tier: 1 },
      authors: [{ name: "박기자", address: writer, share_bps: 9_000 }],
    },
  });
  expect(created.status).toBe(201);
  const id = (created.body.draft as { id: string }).id;
  expect((await api("POST", `/api/studio/drafts/${id}/submit`, writerCookie)).status).toBe(200);
  const prepared = await api("POST", `/api/studio/drafts/${id}/publish`, editorCookie, { step: "prepare" });
  expect(prepared.status).toBe(200);
  const { address, abi, functionName, args } = reviveBigints<PublishCall>(prepared.body.call);
  const hash = await testAccount(EDITOR).wallet.writeContract({ address, abi, functionName, args, nonce: prepared.body.nonce as number });
  const confirmed = await api("POST", `/api/studio/drafts/${id}/publish`, editorCookie, { step: "confirm", hash });
  expect(confirmed.status).toBe(200);
  return BigInt((confirmed.body.published as { articleId: string }).articleId);
}

test("after a collect, /studio shows one sold, fewer editions left and the writer's share owed; withdrawing pays it out", async ({
  browser,
}) => {
  const editorCookie = await cookieOf(EDITOR);
  const writer = testAccount(WRITER).account.address;
  expect((await api("POST", "/api/studio/writers", editorCookie, { address: writer })).status).toBe(201);
  const writerCookie = await cookieOf(WRITER);
  const articleId = await publishFromStudio(writerCookie, editorCookie);

  const collector = testAccount(COLLECTOR);
  const collected = await collector.wallet.writeContract({
    address: stack.editions,
    abi: articleEditionsAbi,
    functionName: "collect",
    args: [articleId, 1n, collector.account.address, zeroAddress],
    value: PRICE,
  });
  expect((await stack.publicClient.waitForTransactionReceipt({ hash: collected })).status).toBe("success");

  // The index's own answer (the query /studio reads): the sale, and the writer's 90% share (no referrer).
  const share = (PRICE * 9_000n) / 10_000n;
  const indexed = async () =>
    ((await (await fetch(`${stack.indexerUrl}/accounts/${writer}/sales?ids=${articleId}`)).json()) as { minted: string; due: string }[])[0];
  await expect.poll(indexed, { timeout: 30_000 }).toEqual(expect.objectContaining({ minted: "1", due: share.toString() }));

  const context = await browser.newContext({ baseURL: stack.siteUrl, locale: "en-US" });
  const [name, value] = writerCookie.split(/=(.*)/s);
  await context.addCookies([{ name, value, url: stack.siteUrl }]);
  await context.addInitScript(([key, account]) => window.localStorage.setItem(key, account), [TEST_ACCOUNT_KEY, writer] as const);
  const page = await context.newPage();
  const row = page.locator(`[data-testid="published-figures"] tr[data-article-id="${articleId}"]`);
  // The index follows the chain a moment behind, and the page's two index answers (this page's
  // sales, the total owed) are each remembered for up to a second: reload until both show the sale.
  let owedInAll = 0n;
  await expect(async () => {
    await page.goto("/studio");
    await expect(row.getByTestId("figures-sold")).toHaveText("1", { timeout: 1_000 });
    await expect(row.getByTestId("figures-owed")).toHaveAttribute("data-wei", share.toString(), { timeout: 1_000 });
    owedInAll = BigInt((await page.getByTestId("studio-owed").getAttribute("data-wei")) ?? "0");
    expect(owedInAll).toBeGreaterThanOrEqual(share);
  }).toPass({ timeout: 30_000 });
  await expect(row.getByTestId("figures-left")).toHaveText(String(SUPPLY - 1));
  const axe = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
  expect(axe.violations.map((violation) => violation.id)).toEqual([]);

  const balanceBefore = await stack.publicClient.getBalance({ address: writer });
  const withdraw = page.getByTestId("withdraw-editions");
  const signInButton = page.getByTestId("sign-in");
  // The session cookie is already there: the wallet reconnects, and signs in only if the gate asks.
  await expect(async () => {
    if ((await signInButton.isVisible()) && (await signInButton.isEnabled({ timeout: 500 }).catch(() => false))) {
      await signInButton.click({ timeout: 1_000 }).catch(() => {});
    }
    await expect(withdraw).toBeVisible({ timeout: 2_000 });
  }).toPass({ timeout: 30_000 });
  await withdraw.click();
  await expect(page.getByTestId("withdraw-progress")).toContainText("Withdrawn");
  // The page reads the index again until it has the withdrawal.
  await expect(async () => {
    await page.goto("/studio");
    await expect(row.getByTestId("figures-owed")).toHaveAttribute("data-wei", "0", { timeout: 1_000 });
    await expect(page.getByTestId("studio-owed")).toHaveAttribute("data-wei", "0", { timeout: 1_000 });
  }).toPass({ timeout: 30_000 });
  await expect(row.getByTestId("figures-sold")).toHaveText("1");
  // The wallet received what it was owed, less the gas of the withdrawal.
  const balanceAfter = await stack.publicClient.getBalance({ address: writer });
  expect(balanceAfter).toBeGreaterThan(balanceBefore);
  expect(balanceAfter).toBeLessThanOrEqual(balanceBefore + owedInAll);
  await context.close();
});
