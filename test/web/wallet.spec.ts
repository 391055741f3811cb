import { expect, type Route, test } from "@playwright/test";
import { zeroAddress } from "viem";
import { articleEditionsAbi, membershipPassAbi } from "../../web/src/generated/contracts.ts";
import { TEST_ACCOUNT_KEY } from "../../web/src/wallet/createWagmiConfig.ts";
import { installInjectedWallet } from "../helpers/injectedWallet.ts";
import { testAccount, webStack } from "./webStack.ts";

// Wallet situations beyond the main journey: a wallet on another network, a sign-in check that
// fails, gifting a pass, and an author withdrawing what sales earned them.

const stack = webStack();

/** The transactions `from` sent in the blocks mined since `fromBlock`. */
async function transactionsFrom(from: string, fromBlock: bigint) {
  const latest = await stack.publicClient.getBlockNumber({ cacheTime: 0 });
  const sent = [];
  for (let number = fromBlock; number <= latest; number++) {
    const block = await stack.publicClient.getBlock({ blockNumber: number, includeTransactions: true });
    sent.push(...block.transactions.filter((tx) => tx.from.toLowerCase() === from.toLowerCase()));
  }
  return sent.map((tx) => ({ hash: tx.hash, to: tx.to?.toLowerCase() }));
}

test("lists the wallet the browser announces (EIP-6963); on another network it prompts a switch, then signs in", async ({ browser }) => {
  const context = await browser.newContext({ baseURL: stack.siteUrl });
  // An injected wallet (stand-in for an extension) that announces itself and starts on Ethereum mainnet.
  await context.addInitScript(installInjectedWallet, {
    rpcUrl: stack.rpcUrl,
    account: testAccount(9).account.address,
    chainId: 1,
    announceAs: "Test Wallet",
  });
  const page = await context.newPage();
  await page.goto("/articles/local-governments-web3-ko");
  await page.getByTestId("open-wallet").click();
  await expect(page.getByRole("button", { name: "Injected" })).toHaveCount(0); // the announced wallet stands for itself
  await page.getByRole("button", { name: "Test Wallet" }).click();
  const prompt = page.getByRole("button", { name: /Switch to Hardhat/ });
  await expect(prompt).toBeVisible();
  await page.screenshot({ path: test.info().outputPath("wrong-network.png") });
  await prompt.click();
  await expect(page.getByTestId("premium-denied")).toBeVisible();
  await context.close();
});

for (const [failure, fail] of [
  // What a proxy in front of a server that is down answers.
  [
    "answers 502",
    (route: Route) => route.fulfill({ status: 502, contentType: "text/html", body: "<html><body><h1>502 Bad Gateway</h1></body></html>" }),
  ],
  ["cannot be reached", (route: Route) => route.abort("connectionrefused")],
] as const) {
  test(`when the sign-in check ${failure}, says so in Korean and lets the reader retry`, async ({ browser }) => {
    const context = await browser.newContext({ baseURL: stack.siteUrl, locale: "ko-KR" });
    await context.addInitScript(([key, account]) => window.localStorage.setItem(key, account), [
      TEST_ACCOUNT_KEY,
      testAccount(7).account.address,
    ] as const);
    const page = await context.newPage();
    let failures = 0;
    await page.route("**/api/auth/session", (route) => (failures++ === 0 ? fail(route) : route.fallback()));
    await page.goto("/library");
    const mock = page.getByRole("button", { name: "Mock Connector" });
    if (await mock.isVisible().catch(() => false)) await mock.click();
    const failure = page.getByRole("alert").filter({ hasText: "로그인 상태를 확인하지 못했습니다. 연결을 확인한 뒤 다시 시도하세요." });
    await expect(failure).toBeVisible();
    await page.screenshot({ path: test.info().outputPath("session-check-failed.png") });
    await page.getByRole("button", { name: "다시 시도" }).click();
    await expect(failure).toHaveCount(0);
    await page.getByTestId("sign-in").click();
    await expect(page.getByText(/로그인됨/)).toBeVisible();
    await context.close();
  });
}

test("gifts a pass to another address, and refuses a malformed one", async ({ browser }) => {
  const context = await browser.newContext({ baseURL: stack.siteUrl });
  await context.addInitScript(([key, account]) => window.localStorage.setItem(key, account), [
    TEST_ACCOUNT_KEY,
    testAccount(9).account.address,
  ] as const);
  const page = await context.newPage();
  await page.goto("/membership");
  const mock = page.getByRole("button", { name: "Mock Connector" });
  if (await mock.isVisible().catch(() => false)) await mock.click();
  const tier = page.getByTestId("tier-actions-2");
  await tier.getByRole("textbox").fill("0x1234");
  await page.getByTestId("gift-tier-2").click();
  await expect(tier.getByRole("alert")).toHaveText("Enter a valid 0x address.");
  const friend = testAccount(18).account.address;
  await tier.getByRole("textbox").fill(friend);
  await page.getByTestId("gift-tier-2").click();
  await expect(tier.getByRole("status")).toHaveText(/Confirmed/);
  const tokenId = await stack.publicClient.readContract({
    address: stack.pass,
    abi: membershipPassAbi,
    functionName: "passOf",
    args: [friend, 2n],
  });
  expect(tokenId).not.toBe(0n);
  await context.close();
});

test("an author sees what sales earned them and withdraws it", async ({ browser }) => {
  // Account #3 is an author of the edition-only article (6): a collector buys an edition.
  const collector = testAccount(19);
  const [, sale] = await stack.publicClient.readContract({
    address: stack.editions,
    abi: articleEditionsAbi,
    functionName: "article",
    args: [6n],
  });
  const hash = await collector.wallet.writeContract({
    address: stack.editions,
    abi: articleEditionsAbi,
    functionName: "collect",
    args: [6n, 1n, collector.account.address, zeroAddress],
    value: sale.price,
  });
  await stack.publicClient.waitForTransactionReceipt({ hash });
  const context = await browser.newContext({ baseURL: stack.siteUrl });
  await context.addInitScript(([key, account]) => window.localStorage.setItem(key, account), [
    TEST_ACCOUNT_KEY,
    testAccount(3).account.address,
  ] as const);
  const page = await context.newPage();
  await page.goto("/library");
  await expect(page.getByText("Sign in to see your passes")).toBeVisible();
  await page.getByTestId("sign-in").click();
  await expect(page.getByTestId("library-owed")).toContainText("You are owed");
  await expect(page.getByTestId("library-passes")).toContainText("Member (lifetime, votes)");
  const author = testAccount(3).account.address;
  const articleCount = await stack.publicClient.readContract({
    address: stack.editions,
    abi: articleEditionsAbi,
    functionName: "articleCount",
  });
  const articleIds = Array.from({ length: Number(articleCount) }, (_, index) => BigInt(index + 1));
  const owed = await stack.publicClient.readContract({
    address: stack.editions,
    abi: articleEditionsAbi,
    functionName: "owed",
    args: [author, articleIds],
  });
  expect(owed).toBeGreaterThan(0n);
  const fromBlock = (await stack.publicClient.getBlockNumber({ cacheTime: 0 })) + 1n;
  const before = await stack.publicClient.getBalance({ address: author });
  await page.getByTestId("withdraw-editions").click();
  await expect(page.getByTestId("library-owed")).toHaveText("Nothing to withdraw.");
  // Exactly what was owed arrived: the balance moved by the payout less the gas the author paid.
  const sent = await transactionsFrom(author, fromBlock);
  expect(sent.map((tx) => tx.to)).toEqual([stack.editions.toLowerCase()]);
  const receipt = await stack.publicClient.getTransactionReceipt({ hash: sent[0].hash });
  const after = await stack.publicClient.getBalance({ address: author });
  expect(after + receipt.gasUsed * receipt.effectiveGasPrice).toBe(before + owed);
  await page.screenshot({ path: test.info().outputPath("author-library.png"), fullPage: true });
  await context.close();
});
