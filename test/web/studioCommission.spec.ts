import { type BrowserContext, expect, test } from "@playwright/test";
import { parseEther } from "viem";
import { coverageDeskAbi, deploymentOn, LOCAL_CHAIN_ID } from "../../web/src/generated/contracts.ts";
import { TEST_ACCOUNT_KEY } from "../../web/src/wallet/createWagmiConfig.ts";
import { signIn } from "../helpers/siweClient.ts";
import { commissionThroughProposal } from "./daoCommission.ts";
import { testAccount, webStack } from "./webStack.ts";

// A draft written for a coverage commission: the writer says which open commission it answers,
// the editor publishes it from the studio and is offered the fulfil step right there.

const stack = webStack();
test.use({ baseURL: stack.siteUrl });

// #0 is the editor (a publisher); #2 a writer the editor adds; #8 a signed-in wallet with no role.
const EDITOR = 0;
const WRITER = 2;
const NOBODY = 8;
const desk = deploymentOn(LOCAL_CHAIN_ID)!.CoverageDesk!.address;
const address = (index: number) => testAccount(index).account.address;
const cookieOf = (index: number) => signIn(testAccount(index).account, { baseUrl: stack.siteUrl, chainId: LOCAL_CHAIN_ID });
const TOPIC = `Incheon's smart-port ledger, one year on ${Date.now().toString(36)}`;
const ARTICLE = {
  title: "인천 스마트항만 원장, 1년의 기록",
  slug: `incheon-smart-port-${Date.now().toString(36)}`,
  body: "멤버들이 의뢰한 취재: 인천항의 블록체인 원장은 지금도 쓰이고 있을까.",
  premium: "유료 부분: 원장에 기록된 선적 건수는 1년 사이 세 배가 되었다.",
};

/** What the studio's API answers, loosely: the fields this spec reads. */
interface Answer {
  error?: string;
  draft: { id: string; commission_id: string | null; published_article_id: string | null };
}

async function api(method: string, path: string, cookie: string | null, body?: unknown) {
  const response = await fetch(`${stack.siteUrl}${path}`, {
    method,
    headers: { ...(cookie ? { cookie } : {}), ...(body !== undefined ? { "content-type": "application/json" } : {}) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return { status: response.status, body: (await response.json().catch(() => ({}))) as Answer };
}

async function signedInContext(context: BrowserContext, index: number) {
  const [name, value] = (await cookieOf(index)).split(/=(.*)/s);
  await context.addCookies([{ name, value, url: stack.siteUrl }]);
  await context.addInitScript(([key, account]) => window.localStorage.setItem(key, account), [TEST_ACCOUNT_KEY, address(index)] as const);
}

const commissionOf = (id: bigint) =>
  stack.publicClient.readContract({ address: desk, abi: coverageDeskAbi, functionName: "commissionOf", args: [id] });

test("a writer's draft answers an open commission; the editor publishes it and fulfils the commission from the studio", async ({
  browser,
}) => {
  const editorCookie = await cookieOf(EDITOR);
  expect((await api("POST", "/api/studio/writers", editorCookie, { address: address(WRITER) })).status).toBe(201);
  const { commissionId } = await commissionThroughProposal(TOPIC, parseEther("0.05"));
  expect((await commissionOf(commissionId)).status).toBe(1); // open

  const writerCookie = await cookieOf(WRITER);
  const created = await api("POST", "/api/studio/drafts", writerCookie, {
    // With a premium part, like every article the tests publish (the key rotation spec counts them).
    markdown: `${ARTICLE.body}\n\n<!-- premium -->\n\n${ARTICLE.premium}`,
    frontmatter: {
      title: ARTICLE.title,
      slug: ARTICLE.slug,
      summary: "DAO가 의뢰한 취재",
      language: "ko",
      published: "2026-11-27",
      edition: { price_wei: "1000000000000000", max_supply: 10 },
      premium: { tier: 1 },
    },
  });
  expect(created.status).toBe(201);
  const id = created.body.draft.id;
  const path = `/api/studio/drafts/${id}/commission`;

  // The writer picks the commission on the draft's page.
  const writer = await browser.newContext({ locale: "en-US" });
  await signedInContext(writer, WRITER);
  const writing = await writer.newPage();
  const picker = writing.getByLabel("Answers a coverage commission");
  // The open commissions come from the index: reload until it has seen the new one.
  await expect(async () => {
    await writing.goto(`/studio/drafts/${id}`);
    await expect(picker.locator(`option[value="${commissionId}"]`)).toContainText(TOPIC, { timeout: 2_000 });
  }).toPass({ timeout: 30_000 });
  await picker.selectOption(commissionId.toString());
  await expect(writing.getByTestId("draft-commission-note")).toHaveText("Saved.");
  expect((await api("GET", `/api/studio/drafts/${id}`, writerCookie)).body.draft.commission_id).toBe(commissionId.toString());
  await writer.close();

  // A commission already paid (seeded #1) is refused, as is anyone without the right; nothing changes.
  const paid = await api("PUT", path, writerCookie, { commissionId: "1" });
  expect(paid.status).toBe(422);
  expect(paid.body.error).toBe("desk.draft.notOpen");
  expect((await api("PUT", path, null, { commissionId: null })).status).toBe(403);
  expect((await api("PUT", path, await cookieOf(NOBODY), { commissionId: null })).body.error).toBe("studio.error.notInTeam");
  expect((await api("PUT", path, editorCookie, { commissionId: null })).status).toBe(403); // not submitted yet
  expect((await api("GET", `/api/studio/drafts/${id}`, writerCookie)).body.draft.commission_id).toBe(commissionId.toString());
  expect((await api("POST", `/api/studio/drafts/${id}/submit`, writerCookie)).status).toBe(200);

  // The editor publishes it from the page, then is offered the fulfil step with the new article.
  const editor = await browser.newContext({ locale: "en-US" });
  await signedInContext(editor, EDITOR);
  const page = await editor.newPage();
  await page.goto(`/studio/drafts/${id}`);
  await expect(page.getByLabel("Answers a coverage commission")).toHaveValue(commissionId.toString());
  const prepare = page.getByTestId("publish-prepare");
  const signInButton = page.getByTestId("sign-in");
  await expect(async () => {
    if ((await signInButton.isVisible()) && (await signInButton.isEnabled({ timeout: 500 }).catch(() => false))) {
      await signInButton.click({ timeout: 1_000 }).catch(() => {});
    }
    await expect(prepare).toBeVisible({ timeout: 2_000 });
  }).toPass({ timeout: 30_000 });
  await prepare.click();
  await page.getByTestId("publish-send").click();
  await expect(page.getByTestId("publish-done")).toBeVisible();
  const fulfil = page.getByTestId("draft-fulfil");
  await expect(fulfil).toContainText(`This article answers commission #${commissionId}`);
  await expect(fulfil.getByTestId("fulfil-article")).toContainText(ARTICLE.title);
  await fulfil.getByTestId("fulfil-commission").click();
  await expect(page.getByTestId("draft-answers")).toHaveText(
    `This article fulfils commission #${commissionId}: Fulfilled, in its challenge window.`,
  );
  const linked = await commissionOf(commissionId);
  expect(linked.status).toBe(2); // fulfilled
  const published = (await api("GET", `/api/studio/drafts/${id}`, editorCookie)).body.draft.published_article_id;
  expect(String(linked.articleId)).toBe(String(published));
  await page.screenshot({ path: test.info().outputPath("studio-fulfilled.png"), fullPage: true });
  await editor.close();
});
