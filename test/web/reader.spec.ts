import { expect, type Page, test } from "@playwright/test";
import { TEST_ACCOUNT_KEY } from "../../web/src/wallet/createWagmiConfig.ts";
import { advanceChainTime, EDITION_ONLY_PREMIUM_SENTENCE, SAMPLE_PREMIUM_SENTENCE, testAccount, webStack } from "./webStack.ts";

// A reader's whole journey in Chromium against the real stack. wagmi's mock connector stands in
// for the wallet's own UI only: it signs through the local node's unlocked accounts.

const stack = webStack();
const READER = testAccount(8).account.address; // a funded account with no pass and no edition
const SEEDED_MEMBER = testAccount(3).account.address; // seeded with a lifetime member pass
const SAMPLE = "/articles/local-governments-web3-ko";
const EDITION_ONLY = "/articles/web3-newsroom-editions-ko";
const FREE_SENTENCE = "블록체인 허브도시 되겠다는 인천";

test.describe.configure({ mode: "serial" });

let page: Page;
const dialogs: string[] = [];

test.beforeAll(async ({ browser }) => {
  const context = await browser.newContext({ baseURL: stack.siteUrl, locale: "en-US" });
  await context.addInitScript(([key, account]) => window.localStorage.setItem(key, account), [TEST_ACCOUNT_KEY, READER] as const);
  page = await context.newPage();
  page.on("dialog", (dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  });
});

const shot = (name: string) => page.screenshot({ path: test.info().outputPath(`${name}.png`), fullPage: true });

/** Opens the wallet; picks the test wallet in the dialog unless wagmi reconnected it already. */
async function openWallet() {
  await page.getByTestId("open-wallet").click();
  const mock = page.getByRole("button", { name: "Mock Connector" });
  const signedIn = page.getByText(/Signed in as|로그인됨/);
  await expect(mock.or(signedIn).first()).toBeVisible();
  if (await mock.isVisible()) await mock.click();
}

test("a reader without a wallet reads the free part, and sees how to unlock the rest", async () => {
  const scripts: Promise<string>[] = [];
  const collect = (response: import("@playwright/test").Response) => {
    if (response.request().resourceType() === "script") scripts.push(response.text().catch(() => ""));
  };
  page.on("response", collect);
  await page.goto(SAMPLE, { waitUntil: "networkidle" });
  page.off("response", collect);
  // No wallet code for a reader who has not asked for it (wagmi's provider names itself in its errors).
  const loaded = await Promise.all(scripts);
  expect(loaded.length).toBeGreaterThan(0);
  expect(loaded.filter((code) => code.includes("WagmiProvider"))).toEqual([]);
  await expect(page.getByTestId("free-content")).toContainText(FREE_SENTENCE);
  await expect(page.getByTestId("unlock-steps")).toContainText("Reader (monthly)");
  await expect(page.getByTestId("open-wallet")).toHaveText("Sign in to read");
  await expect(page.locator("body")).not.toContainText(SAMPLE_PREMIUM_SENTENCE);
  await expect(page.getByTestId("cids")).toContainText("Qm");
  await shot("1-anonymous-article");
});

test("connects, signs in with one signature, and sees the lock", async () => {
  await openWallet();
  await expect(page.getByTestId("premium-denied")).toBeVisible();
  await expect(page.getByTestId("session-address").or(page.getByText(/Signed in as/))).toBeVisible();
  await shot("2-signed-in-locked");
});

test("buys a reader pass and reads the premium part", async () => {
  await page.getByTestId("buy-tier-1").click();
  await expect(page.getByTestId("premium-content")).toContainText(SAMPLE_PREMIUM_SENTENCE);
  await expect(page.getByTestId("unlock-steps")).toHaveCount(0); // the "how to unlock" text goes
  await shot("3-premium-unlocked");
});

test("locks again once chain time passes the pass's expiry", async () => {
  await advanceChainTime(31 * 86_400);
  await page.reload();
  await expect(page.getByTestId("premium-denied")).toBeVisible();
  await expect(page.locator("body")).not.toContainText(SAMPLE_PREMIUM_SENTENCE);
  await shot("4-expired-locked");
});

test("buys the tier it holds again once expired: the purchase renews that pass, no second pass", async () => {
  await openWallet();
  await page.getByTestId("buy-tier-1").click();
  await expect(page.getByTestId("premium-content")).toContainText(SAMPLE_PREMIUM_SENTENCE);
  await page.goto("/membership");
  await expect(page.getByTestId("tier-actions-1")).toContainText("valid until");
  await advanceChainTime(31 * 86_400); // lapsed again, for the renewal below
});

test("renews the expired pass on the membership page and reads again", async () => {
  await page.goto("/membership");
  await page.getByTestId("renew-tier-1").click();
  await expect(page.getByRole("status").filter({ hasText: "Confirmed" })).toBeVisible();
  await expect(page.getByTestId("tier-actions-1")).toContainText("valid until");
  await shot("5-renewed");
  await page.goto(SAMPLE);
  await expect(page.getByTestId("premium-content")).toContainText(SAMPLE_PREMIUM_SENTENCE);
});

test("collects an edition of another article and reads it without a pass of its kind", async () => {
  await page.goto(EDITION_ONLY);
  await expect(page.getByTestId("premium-denied")).toBeVisible();
  await openWallet();
  await page.getByTestId("collect").click();
  await expect(page.getByTestId("premium-content")).toContainText(EDITION_ONLY_PREMIUM_SENTENCE);
  await page.goto("/library");
  await expect(page.getByTestId("library-editions")).toContainText("뉴스룸이 기사를 NFT로 발행하는 이유");
  await expect(page.getByTestId("library-passes")).toContainText("Reader (monthly)");
  await shot("6-library");
});

test("switches to Korean and sees the Korean interface, remembered", async () => {
  await page.goto(SAMPLE);
  await page.getByTestId("switch-language").click();
  await expect(page.getByRole("navigation", { name: "main" })).toContainText("멤버십");
  await expect(page.getByRole("heading", { name: "프리미엄 본문" })).toBeVisible();
  await page.goto("/");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("최신 기사");
  await shot("7-korean-front-page");
  // A refused transaction is explained in Korean too: gifting a lifetime tier to a wallet that holds it.
  await page.goto("/membership");
  const tier = page.getByTestId("tier-actions-3");
  await tier.getByRole("textbox").fill(SEEDED_MEMBER);
  await page.getByTestId("gift-tier-3").click();
  await expect(tier.getByRole("status")).toContainText("이 지갑은 이미 이 등급의 패스");
});

test("an article carrying script runs none of it", async () => {
  await page.goto("/articles/script-injection");
  await expect(page.getByTestId("free-content")).toContainText("Free part with injection attempts");
  await expect(page.getByTestId("premium-content")).toContainText("Premium part is safe to read.");
  await page
    .getByText("mixed case link")
    .click()
    .catch(() => {});
  await page.waitForTimeout(500);
  expect(await page.evaluate(() => (window as unknown as { __xss?: string }).__xss)).toBeUndefined();
  expect(dialogs).toEqual([]);
  expect(await page.locator("[data-testid=premium-content] script, [data-testid=free-content] script").count()).toBe(0);
  expect(await page.locator("[onerror], [onload]").count()).toBe(0);
  expect(await page.locator('a[href^="javascript" i]').count()).toBe(0);
  await shot("8-script-injection");
});
