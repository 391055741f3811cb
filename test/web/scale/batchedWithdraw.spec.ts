import { expect, test } from "@playwright/test";
import { decodeFunctionData, testActions } from "viem";
import { bulkCollect, bulkPublish } from "../../../scripts/bench/scale/bulkPublish.ts";
import { articleEditionsAbi } from "../../../web/src/generated/contracts.ts";
import { ipfsClient } from "../../../web/src/ipfs/ipfsEndpoints.ts";
import { TEST_ACCOUNT_KEY } from "../../../web/src/wallet/createWagmiConfig.ts";
import { testAccount, webStack } from "../webStack.ts";

// An author owed from 30 articles withdraws from the library in batches, on a chain whose blocks
// are made small so that 30 do not fit one: the page sizes batches from the gas estimate and the
// block gas limit, says which batch is on its way, and when a batch fails (here: someone else
// withdrew the rest for the author meanwhile) shows the contract's error and continues with only
// what is still owed. Runs in the "at-scale" project, after every other spec (its articles join
// the shared catalog).

const stack = webStack();
const ARTICLES = 30;
const SHARE = (1_000_000_000_000_000n * 9_000n) / 10_000n; // the bulk publisher's price, the author's 90%
const anvil = stack.publicClient.extend(testActions({ mode: "anvil" }));

/** Gas the account paid for the transactions it sent in blocks since `fromBlock`. */
async function gasPaidBy(from: string, fromBlock: bigint) {
  const latest = await stack.publicClient.getBlockNumber({ cacheTime: 0 });
  let paid = 0n;
  for (let number = fromBlock; number <= latest; number++) {
    const block = await stack.publicClient.getBlock({ blockNumber: number, includeTransactions: true });
    for (const tx of block.transactions.filter((tx) => tx.from.toLowerCase() === from.toLowerCase())) {
      const receipt = await stack.publicClient.getTransactionReceipt({ hash: tx.hash });
      paid += receipt.gasUsed * receipt.effectiveGasPrice;
    }
  }
  return paid;
}

/** The article ids of the author's withdrawal waiting to be mined (automine off). */
async function pendingBatch(author: `0x${string}`) {
  let ids: readonly bigint[] | undefined;
  await expect
    .poll(async () => {
      const block = await stack.publicClient.getBlock({ blockTag: "pending", includeTransactions: true });
      const tx = block.transactions.find((candidate) => candidate.from.toLowerCase() === author.toLowerCase());
      if (tx) ids = decodeFunctionData({ abi: articleEditionsAbi, data: tx.input }).args[1] as readonly bigint[];
      return ids !== undefined;
    })
    .toBe(true);
  return ids!;
}

test("an author owed from more articles than a block holds withdraws in batches, with progress, past a failed batch", async ({
  browser,
}) => {
  test.setTimeout(240_000);
  const author = testAccount(17).account.address;
  const publisher = testAccount(0);
  const target = { publicClient: stack.publicClient, editions: stack.editions };
  const before = await stack.publicClient.readContract({ address: stack.editions, abi: articleEditionsAbi, functionName: "articleCount" });
  await bulkPublish(
    { ...target, walletClient: publisher.wallet, ipfs: ipfsClient(stack.ipfsApi), siteUrl: stack.siteUrl, author },
    Number(before) + ARTICLES,
  );
  const ids = Array.from({ length: ARTICLES }, (_, at) => before + BigInt(at + 1));
  await bulkCollect({ ...target, walletClient: testAccount(13).wallet }, ids);
  const owed = await stack.publicClient.readContract({
    address: stack.editions,
    abi: articleEditionsAbi,
    functionName: "owed",
    args: [author, ids],
  });
  expect(owed).toBe(SHARE * BigInt(ARTICLES));

  const context = await browser.newContext({ baseURL: stack.siteUrl });
  await context.addInitScript(([key, account]) => window.localStorage.setItem(key, account), [TEST_ACCOUNT_KEY, author] as const);
  const page = await context.newPage();
  await page.goto("/library");
  await page.getByTestId("sign-in").click();
  await expect(page.getByTestId("library-owed")).toBeVisible(); // signed in
  // The total comes from the index: reload until it has the sales.
  await expect(async () => {
    await page.reload();
    await expect(page.getByTestId("library-owed")).toHaveText("You are owed 0.027 ETH.", { timeout: 2_000 });
  }).toPass({ timeout: 30_000 });
  await expect(page.getByText("Articles that owe you: 30.")).toBeVisible();

  const { gasLimit } = await stack.publicClient.getBlock({ blockTag: "latest" });
  const fromBlock = (await stack.publicClient.getBlockNumber({ cacheTime: 0 })) + 1n;
  const balanceBefore = await stack.publicClient.getBalance({ address: author });
  try {
    // Blocks of 1,000,000 gas: a batch may use half, about a dozen articles.
    await anvil.setBlockGasLimit({ gasLimit: 1_000_000n });
    await anvil.mine({ blocks: 1 });
    await anvil.setAutomine(false);
    const progress = page.getByTestId("withdraw-progress");
    await page.getByTestId("withdraw-editions").click();
    await expect(progress).toContainText(/^Batch 1 of \d+ · 0 of 30 articles/);
    const batches = Number(/of (\d+)/.exec((await progress.textContent())!)![1]);
    expect(batches).toBeGreaterThanOrEqual(3);
    const first = await pendingBatch(author);
    expect(first).toEqual(ids.slice(0, first.length));
    await anvil.mine({ blocks: 1 });
    await expect(progress).toContainText(new RegExp(`^Batch 2 of ${batches} · ${first.length} of 30 articles`));
    await page.screenshot({ path: test.info().outputPath("batch-2-pending.png"), fullPage: true });
    const second = await pendingBatch(author);
    expect(second).toEqual(ids.slice(first.length, first.length + second.length));
    // Batch 2 waits for its block; meanwhile someone else withdraws everything after it for the author.
    const rest = ids.slice(first.length + second.length);
    const sentByOther = await testAccount(13).wallet.writeContract({
      address: stack.editions,
      abi: articleEditionsAbi,
      functionName: "withdraw",
      args: [author, rest],
      gas: 900_000n,
    });
    await anvil.mine({ blocks: 1 });
    await anvil.setAutomine(true);
    expect((await stack.publicClient.getTransactionReceipt({ hash: sentByOther })).status).toBe("success");
    // Batch 3 finds nothing owed: the contract's error, decoded, and the way on.
    await expect(page.getByTestId("withdraw-error")).toHaveText(
      new RegExp(`^Batch 3 of ${batches} failed: There is nothing to withdraw\\.`),
    );
    await expect(page.getByTestId("withdraw-editions")).toHaveText("Continue withdrawing");
    await page.screenshot({ path: test.info().outputPath("batch-3-failed.png"), fullPage: true });
    await page.getByTestId("withdraw-editions").click();
    await expect(page.getByTestId("library-owed")).toHaveText("Nothing to withdraw.");
    await expect(progress).toHaveText("Nothing to withdraw.");
  } finally {
    await anvil.setAutomine(true);
    await anvil.setBlockGasLimit({ gasLimit });
    await anvil.mine({ blocks: 1 });
  }
  // Exactly what was owed arrived, through the page's batches and the other withdrawal.
  const balanceAfter = await stack.publicClient.getBalance({ address: author });
  expect(balanceAfter + (await gasPaidBy(author, fromBlock))).toBe(balanceBefore + owed);
  expect(
    await stack.publicClient.readContract({ address: stack.editions, abi: articleEditionsAbi, functionName: "owed", args: [author, ids] }),
  ).toBe(0n);
  await page.screenshot({ path: test.info().outputPath("batched-withdraw.png"), fullPage: true });
  await context.close();
});
