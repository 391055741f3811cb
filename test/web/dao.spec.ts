import { expect, type Page, test } from "@playwright/test";
import { getContract } from "viem";
import { coverageGovernorAbi, deploymentOn, LOCAL_CHAIN_ID } from "../../web/src/generated/contracts.ts";
import { cidOfBytes } from "../../web/src/ipfs/cidOfBytes.ts";
import { TEST_ACCOUNT_KEY } from "../../web/src/wallet/createWagmiConfig.ts";
import { signIn } from "../helpers/siweClient.ts";
import { advanceChainTime, testAccount, webStack } from "./webStack.ts";

// The coverage DAO from a member's browser: propose coverage on /dao/new, vote without paying gas
// (a signed ballot the dApp's relay sends), let chain time pass, queue and execute from the proposal page, and see the
// commission it funded. wagmi's mock connector stands in for the wallet's UI only.

const stack = webStack();
const MEMBER = testAccount(1).account.address; // a founding member: 3 votes, enough for quorum alone
const OUTSIDER = testAccount(8); // no pass, no votes
const governor = deploymentOn(LOCAL_CHAIN_ID)!.CoverageGovernor!.address;
const TOPIC = `Jeju's Web3 island plan, audited ${Date.now().toString(36)}`;
const REASON = "Jeju spent public money on this; readers should know where it went.";

test.describe.configure({ mode: "serial" });

let page: Page;
let proposalId: bigint;

test.beforeAll(async ({ browser }) => {
  const context = await browser.newContext({ baseURL: stack.siteUrl, locale: "en-US" });
  await context.addInitScript(([key, account]) => window.localStorage.setItem(key, account), [TEST_ACCOUNT_KEY, MEMBER] as const);
  page = await context.newPage();
});

const shot = (name: string) => page.screenshot({ path: test.info().outputPath(`${name}.png`), fullPage: true });
// Typed reads of the governor (viem checks each function name and its arguments).
const governorReads = getContract({ address: governor, abi: coverageGovernorAbi, client: stack.publicClient }).read;

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
