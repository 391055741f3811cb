import { type Browser, expect, type Page, test } from "@playwright/test";
import { getContract, parseEther } from "viem";
import { coverageDeskAbi, coverageGovernorAbi, deploymentOn, LOCAL_CHAIN_ID } from "../../web/src/generated/contracts.ts";
import { formatPrice } from "../../web/src/i18n/formatting.ts";
import { cidOfBytes } from "../../web/src/ipfs/cidOfBytes.ts";
import { TEST_ACCOUNT_KEY } from "../../web/src/wallet/createWagmiConfig.ts";
import { signIn } from "../helpers/siweClient.ts";
import { commissionThroughProposal } from "./daoCommission.ts";
import { advanceChainTime, testAccount, webStack } from "./webStack.ts";

// The coverage DAO from a member's browser: propose coverage on /dao/new, vote without paying gas
// (a signed ballot the dApp's relay sends), let chain time pass, queue and execute from the proposal page, and see the
// commission it funded. wagmi's mock connector stands in for the wallet's UI only.

const stack = webStack();
const MEMBER = testAccount(1).account.address; // a founding member: 3 votes, enough for quorum alone
const OUTSIDER = testAccount(8); // no pass, no votes
const governor = deploymentOn(LOCAL_CHAIN_ID)!.CoverageGovernor!.address;
const desk = deploymentOn(LOCAL_CHAIN_ID)!.CoverageDesk!.address;
const EDITOR = testAccount(0).account.address; // the seeded editor: a publisher, so the desk's editor
// The seeded open commission (#2, from proposal #2) and a seeded article published after it: the
// Busan follow-up, whose authors are #0 and #3 (the data desk, who withdraws here).
const SEEDED_COMMISSION = "/dao/proposals/2";
const AUTHOR = testAccount(3);
const ARTICLE_TITLE = "One month after Busan's Blockchain Week";
const TOPIC = `Jeju's Web3 island plan, audited ${Date.now().toString(36)}`;
const REASON = "Jeju spent public money on this; readers should know where it went.";

test.describe.configure({ mode: "serial" });

let page: Page;
let proposalId: bigint;
let commissionId: bigint;
let articleId: bigint;

test.beforeAll(async ({ browser }) => {
  const context = await browser.newContext({ baseURL: stack.siteUrl, locale: "en-US" });
  await context.addInitScript(([key, account]) => window.localStorage.setItem(key, account), [TEST_ACCOUNT_KEY, MEMBER] as const);
  page = await context.newPage();
});

const shot = (name: string) => page.screenshot({ path: test.info().outputPath(`${name}.png`), fullPage: true });
// Typed reads of the governor (viem checks each function name and its arguments).
const governorReads = getContract({ address: governor, abi: coverageGovernorAbi, client: stack.publicClient }).read;
const deskReads = getContract({ address: desk, abi: coverageDeskAbi, client: stack.publicClient }).read;
/** The desk's `ICoverageDesk.Status`: 1 open, 2 fulfilled, 3 paid. */
const commissionStatus = async () => (await deskReads.commissionOf([commissionId])).status;

/** A page whose test wallet is `account`, for a person other than the member. */
async function pageAs(browser: Browser, account: `0x${string}`, locale = "en-US") {
  const context = await browser.newContext({ baseURL: stack.siteUrl, locale });
  await context.addInitScript(([key, address]) => window.localStorage.setItem(key, address), [TEST_ACCOUNT_KEY, account] as const);
  return context.newPage();
}

/** Connects the test wallet on a page that needs no sign-in, unless wagmi reconnected it. */
async function connect(on: Page) {
  const mock = on.getByRole("button", { name: "Mock Connector" });
  const connected = on.locator(".wallet-account");
  await expect(mock.or(connected).first()).toBeVisible();
  if (await mock.isVisible()) await mock.click();
  await expect(connected).toBeVisible();
}

/** Connects the test wallet (unless wagmi reconnected it) and signs in, as /dao/new asks. */
async function connectAndSignIn(on: Page) {
  const mock = on.getByRole("button", { name: "Mock Connector" });
  const signInButton = on.getByTestId("sign-in");
  await expect(mock.or(signInButton).first()).toBeVisible();
  if (await mock.isVisible()) await mock.click();
  await signInButton.click();
}

/** Reloads `path` until `check` passes: the index follows the chain a moment later. */
async function reloadUntil(path: string, check: () => Promise<void>) {
  await expect(async () => {
    await page.goto(path);
    await check();
  }).toPass({ timeout: 30_000 });
}

test("the DAO page lists the seeded proposals in every state, the treasury and open commissions", async () => {
  await page.goto("/dao");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Coverage DAO");
  await expect(page.getByTestId("treasury-balance")).toContainText("ETH");
  await expect(page.getByTestId("open-commissions")).toContainText("Kaia Governance Council, one year on");
  await expect(page.getByTestId("proposal-1")).toContainText("Executed");
  await expect(page.getByTestId("proposal-3")).toContainText("Queued");
  await expect(page.getByTestId("proposal-4")).toContainText("Defeated");
  await expect(page.getByTestId("proposal-4")).toContainText("Against 7");
  // The member's own votes, read from the chain once the test wallet connects.
  await expect(page.getByTestId("voting-power")).toHaveText("Your voting power: 3");
  await expect(page.getByTestId("delegate")).toContainText("delegated to you");
  await shot("1-dao");
});

test("a fulfilled proposal shows its decoded action, its votes with reasons and the article that fulfilled it", async () => {
  await page.goto("/dao/proposals/1");
  await expect(page.getByTestId("proposal-actions")).toContainText(
    "Commission “Busan Blockchain Week follow-up”, bounty 0.5 ETH, deadline",
  );
  await expect(page.getByTestId("proposal-votes")).toContainText("Members keep asking about this.");
  await expect(page.getByTestId("proposal-commissions")).toContainText("Fulfilled and paid");
  await expect(page.getByTestId("fulfilling-article")).toContainText("One month after Busan's Blockchain Week");
});

test("someone without votes is told why they cannot propose, and cannot store a description", async ({ browser }) => {
  const context = await browser.newContext({ baseURL: stack.siteUrl, locale: "ko-KR" });
  await context.addInitScript(([key, account]) => window.localStorage.setItem(key, account), [
    TEST_ACCOUNT_KEY,
    OUTSIDER.account.address,
  ] as const);
  const outsider = await context.newPage();
  await outsider.goto("/dao/new");
  await connectAndSignIn(outsider);
  await expect(outsider.getByTestId("below-threshold")).toContainText("투표권이 0표입니다");
  await context.close();

  const upload = (cookie?: string) =>
    fetch(`${stack.siteUrl}/api/dao/descriptions`, {
      method: "POST",
      headers: { "content-type": "application/json", ...(cookie ? { cookie } : {}) },
      body: JSON.stringify({ title: "Free pinning", markdown: "Pin this for me" }),
    });
  // What the route would have stored: it must never be pinned for someone refused.
  const refused = await cidOfBytes(new TextEncoder().encode("# Free pinning\n\nPin this for me\n"));
  const pinned = async () => (await fetch(`${stack.ipfsApi}/api/v0/pin/ls?arg=${refused}`, { method: "POST" })).ok;
  const anonymous = await upload();
  expect(anonymous.status).toBe(401);
  expect((await anonymous.json()).error).toBe("new.error.session");
  const cookie = await signIn(OUTSIDER.account, { baseUrl: stack.siteUrl, chainId: LOCAL_CHAIN_ID });
  const nonMember = await upload(cookie);
  expect(nonMember.status).toBe(403);
  expect((await nonMember.json()).error).toBe("new.error.votes");
  expect(await pinned()).toBe(false);
  const member = await signIn(testAccount(3).account, { baseUrl: stack.siteUrl, chainId: LOCAL_CHAIN_ID });
  const tooLong = await fetch(`${stack.siteUrl}/api/dao/descriptions`, {
    method: "POST",
    headers: { "content-type": "application/json", cookie: member },
    body: JSON.stringify({ title: "x".repeat(121), markdown: "body" }),
  });
  expect(tooLong.status).toBe(400);
  // The same request from a member is stored, pinned, under the CID the route answers.
  const stored = await upload(member);
  expect(stored.status).toBe(200);
  expect((await stored.json()).cid).toBe(refused.toString());
  expect(await pinned()).toBe(true);
});

test("a member proposes coverage, seeing the action before signing", async () => {
  const before = await governorReads.proposalCount();
  await page.goto("/dao/new");
  await connectAndSignIn(page);
  await page.getByLabel("Topic").fill(TOPIC);
  await page.getByLabel("Description (Markdown)").fill("Follow the money of Jeju's **Web3 island** plan.");
  await page.getByLabel("Bounty (ETH)").fill("abc");
  await page.getByTestId("review-proposal").click();
  await expect(page.getByTestId("proposal-problems")).toContainText("The bounty must be an amount of ETH above 0");
  await page.getByLabel("Bounty (ETH)").fill("0.1");
  await page.getByTestId("review-proposal").click();
  await expect(page.getByTestId("proposal-review")).toContainText(`Commission “${TOPIC}”, bounty 0.1 ETH, deadline`);
  await page.getByTestId("store-description").click();
  await page.getByTestId("submit-proposal").click();
  await expect(page.getByTestId("proposed")).toBeVisible();
  proposalId = await governorReads.proposalCount();
  expect(proposalId).toBe(before + 1n);
  await shot("2-proposed");
});

test("votes without paying gas once voting opens: signs a ballot with a reason, the relay sends it", async () => {
  const path = `/dao/proposals/${proposalId}`;
  await reloadUntil(path, () => expect(page.getByRole("heading", { level: 1 })).toContainText(TOPIC));
  await expect(page.getByTestId("proposal-state")).toHaveText("Pending");
  await expect(page.getByTestId("dry-run")).toContainText("Would succeed");
  await advanceChainTime(Number(await governorReads.votingDelay()) + 1);
  await page.reload();
  await expect(page.getByTestId("proposal-state")).toHaveText("Voting");
  const balanceBefore = await stack.publicClient.getBalance({ address: MEMBER });
  await page.getByLabel("Reason (optional, public and on chain)").fill(REASON);
  await page.getByRole("button", { name: "Sign and vote (no fee)" }).click();
  // Once the relay's transaction is mined, the form gives way to the member's vote.
  await expect(page.getByTestId("voted")).toBeVisible();
  // The member signed only: the relayer paid the gas.
  expect(await stack.publicClient.getBalance({ address: MEMBER })).toBe(balanceBefore);
  await reloadUntil(path, () => expect(page.getByTestId("proposal-votes")).toContainText(REASON));
  await expect(page.getByTestId("proposal-tally")).toHaveText("For 3 · Against 0 · Abstain 0");
  await shot("3-voted");
});

test("once time passes, queues and executes it from the page, and the commission appears", async () => {
  const path = `/dao/proposals/${proposalId}`;
  await advanceChainTime(Number(await governorReads.votingPeriod()) + 1);
  await page.goto(path);
  await expect(page.getByTestId("proposal-state")).toHaveText("Passed");
  await page.getByTestId("queue-proposal").click();
  await expect(page.getByTestId("proposal-state")).toHaveText("Queued");
  await advanceChainTime(24 * 3_600); // past the timelock's delay (a minute locally)
  await page.reload();
  await page.getByTestId("execute-proposal").click();
  await expect(page.getByTestId("proposal-state")).toHaveText("Executed");
  await reloadUntil(path, () => expect(page.getByTestId("proposal-commissions")).toContainText("Waiting for an article"));
  await expect(page.getByTestId("proposal-commissions")).toContainText(TOPIC);
  await page.goto("/dao");
  await expect(page.getByTestId("open-commissions")).toContainText(TOPIC);
  await shot("4-executed");
});

test("a non-editor sees no fulfil control, and the desk refuses their direct call", async ({ browser }) => {
  commissionId = 2n;
  // The seeded article that fulfilled commission #1 was published after #2 was commissioned: eligible.
  articleId = BigInt((await deskReads.commissionOf([1n])).articleId);
  expect(await commissionStatus()).toBe(1);
  const path = SEEDED_COMMISSION;
  await page.goto(path);
  await expect(page.getByTestId("proposal-commissions")).toContainText("Commission #2: Kaia Governance Council, one year on");
  await connect(page);
  await expect(page.getByTestId("not-editor")).toHaveText(
    "Only an editor (a publisher of articles) can fulfil a commission; this wallet is not one.",
  );
  await expect(page.getByTestId("fulfil-commission")).toHaveCount(0);
  // Korean readers are told the same.
  const korean = await pageAs(browser, MEMBER, "ko-KR");
  await korean.goto(path);
  await connect(korean);
  await expect(korean.getByTestId("not-editor")).toContainText("편집자");
  await korean.context().close();
  // Skipping the page changes nothing: the contract itself refuses the member.
  const member = testAccount(1);
  await expect(
    member.wallet.writeContract({ address: desk, abi: coverageDeskAbi, functionName: "fulfil", args: [commissionId, articleId] }),
  ).rejects.toThrow(/CoverageDeskNotEditor/);
  expect(await commissionStatus()).toBe(1);
});

test("an editor fulfils the commission from the page; the guardian can reject it within the challenge window; nobody settles early", async ({
  browser,
}) => {
  const path = SEEDED_COMMISSION;
  const editor = await pageAs(browser, EDITOR);
  await editor.goto(path);
  await connect(editor);
  // The short list comes from the index: reload until it lists the new article.
  await expect(async () => {
    await editor.reload();
    await expect(editor.getByTestId("fulfil-article").locator(`option[value="${articleId}"]`)).toHaveCount(1);
  }).toPass({ timeout: 30_000 });
  const fulfil = async () => {
    await editor.getByTestId("fulfil-article").selectOption(String(articleId));
    await editor.getByTestId("fulfil-commission").click();
    await expect(editor.getByTestId("commission-step")).toContainText("Challenge window: the guardian or governance can reject");
    await expect(editor.getByTestId("commission-status").last()).toHaveText("Fulfilled, in its challenge window");
    await expect(editor.getByTestId("fulfilling-article")).toContainText(ARTICLE_TITLE);
    expect(await commissionStatus()).toBe(2);
  };
  await fulfil();
  // The editor is also the local guardian: within the window they can turn the article down,
  // and the commission waits for an article again, saying a fulfilment was rejected.
  await editor.getByTestId("reject-fulfilment").click();
  await expect(editor.getByTestId("commission-status").last()).toHaveText("Waiting for an article");
  expect(await commissionStatus()).toBe(1);
  await expect(editor.getByTestId("fulfilling-article")).toHaveCount(0);
  await expect(async () => {
    await editor.reload();
    await expect(editor.getByTestId("commission-rejections")).toHaveText(
      "Fulfilments rejected in their challenge window: 1. The commission waited for another article.",
      { timeout: 2_000 },
    );
  }).toPass({ timeout: 30_000 });
  await fulfil();
  // Settling early: the page offers no button, and the desk refuses a direct call.
  await expect(editor.getByTestId("settle-commission")).toHaveCount(0);
  await expect(
    testAccount(1).wallet.writeContract({ address: desk, abi: coverageDeskAbi, functionName: "settle", args: [commissionId] }),
  ).rejects.toThrow(/CoverageDeskChallengeWindowOpen/);
  // Someone who is not the guardian is offered no reject button, and the desk refuses their call.
  await page.goto(path);
  await connect(page);
  await expect(page.getByTestId("commission-step")).toContainText("Challenge window");
  await expect(page.getByTestId("reject-fulfilment")).toHaveCount(0);
  await expect(
    testAccount(1).wallet.writeContract({ address: desk, abi: coverageDeskAbi, functionName: "reject", args: [commissionId] }),
  ).rejects.toThrow(/CoverageDeskNotChallenger/);
  await editor.screenshot({ path: test.info().outputPath("5-fulfilled.png"), fullPage: true });
  await editor.context().close();
});

test("once the challenge window passes, anyone settles from the page and the author withdraws the bounty", async ({ browser }) => {
  const path = SEEDED_COMMISSION;
  await advanceChainTime(Number(await deskReads.challengeWindow()) + 1);
  await page.goto(path);
  await connect(page);
  await expect(page.getByTestId("commission-step")).toContainText("The challenge window is over");
  await page.getByTestId("settle-commission").click();
  await expect(page.getByTestId("commission-status").last()).toHaveText("Fulfilled and paid");
  expect(await commissionStatus()).toBe(3);
  // The data desk's share of this bounty joins what it was owed for the seeded commission #1.
  const owed = await deskReads.owed([AUTHOR.account.address]);
  expect(owed).toBeGreaterThan(0n);

  // The author, signed in on their library, sees the bounty and withdraws it.
  const author = await pageAs(browser, AUTHOR.account.address);
  await author.goto("/library");
  await connectAndSignIn(author);
  await expect(author.getByTestId("bounty-owed")).toHaveText(`The coverage desk owes you ${formatPrice(owed, "en")} in bounties.`);
  const fromBlock = (await stack.publicClient.getBlockNumber({ cacheTime: 0 })) + 1n;
  const before = await stack.publicClient.getBalance({ address: AUTHOR.account.address });
  await author.getByTestId("withdraw-bounty").click();
  await expect(author.getByTestId("bounty-owed")).toHaveText("Bounty withdrawn: the desk owes you nothing now.");
  expect(await deskReads.owed([AUTHOR.account.address])).toBe(0n);
  // Exactly what was owed arrived, less the gas the author paid for the one withdrawal they sent.
  const [sent] = await stack.publicClient.getContractEvents({
    address: desk,
    abi: coverageDeskAbi,
    eventName: "Withdrawn",
    args: { account: AUTHOR.account.address },
    fromBlock,
  });
  const receipt = await stack.publicClient.getTransactionReceipt({ hash: sent.transactionHash });
  const after = await stack.publicClient.getBalance({ address: AUTHOR.account.address });
  expect(after + receipt.gasUsed * receipt.effectiveGasPrice).toBe(before + owed);
  // The index follows: its withdrawal record, once it has seen it, is the same amount.
  await expect(async () => {
    const bounties = await (await fetch(`${stack.indexerUrl}/dao/bounties/${AUTHOR.account.address}`)).json();
    expect(bounties.withdrawals.map((w: { amount: string }) => w.amount)).toEqual([owed.toString()]);
  }).toPass({ timeout: 30_000 });
  await author.screenshot({ path: test.info().outputPath("6-bounty-withdrawn.png"), fullPage: true });
  await author.context().close();

  // The commission now shows the article that fulfilled it.
  await reloadUntil(path, () => expect(page.getByTestId("proposal-commissions")).toContainText("Fulfilled and paid"));
  await expect(page.getByTestId("fulfilling-article")).toContainText(ARTICLE_TITLE);
  await expect(page.getByTestId("settle-commission")).toHaveCount(0);
});

test("past its deadline without an article, anyone expires a commission from the page and the bounty returns to the treasury", async () => {
  const bounty = parseEther("0.02");
  const { proposalId: expiring, commissionId: unanswered } = await commissionThroughProposal(`Unanswered ${TOPIC}`, bounty, {
    deadlineIn: 3_600,
  });
  const path = `/dao/proposals/${expiring}`;
  await reloadUntil(path, () => expect(page.getByTestId("proposal-commissions")).toContainText("Waiting for an article"));
  await connect(page);
  // Before the deadline there is nothing to expire.
  await expect(page.getByTestId("expire-commission")).toHaveCount(0);
  await advanceChainTime(2 * 3_600);
  await page.reload();
  await connect(page);
  await expect(page.getByTestId("commission-step")).toHaveText(
    "Past its deadline without an article: anyone can expire it, returning the bounty to the treasury.",
  );
  const timelock = deploymentOn(LOCAL_CHAIN_ID)!.TimelockController!.address;
  const treasuryBefore = await stack.publicClient.getBalance({ address: timelock });
  await page.getByTestId("expire-commission").click();
  await expect(page.getByTestId("commission-status").last()).toHaveText("Expired, bounty returned");
  expect((await deskReads.commissionOf([unanswered])).status).toBe(4);
  expect(await stack.publicClient.getBalance({ address: timelock })).toBe(treasuryBefore + bounty);
  await expect(page.getByTestId("expire-commission")).toHaveCount(0);
});
