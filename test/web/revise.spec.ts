import { type BrowserContext, expect, type Page, test } from "@playwright/test";
import { zeroAddress } from "viem";
import { articleEditionsAbi, LOCAL_CHAIN_ID } from "../../web/src/generated/contracts.ts";
import { sendContractWrite } from "../../scripts/content/contentChain.ts";
import type { PublishCall } from "../../web/src/publishing/publishArticleSource.ts";
import { reviveBigints } from "../../web/src/studio/publishCallJson.ts";
import { TEST_ACCOUNT_KEY } from "../../web/src/wallet/createWagmiConfig.ts";
import { signIn } from "../helpers/siweClient.ts";
import { testAccount, webStack } from "./webStack.ts";

// Revising and unlisting published articles from the studio, on the real stack: the editor's
// wallet signs, the index follows, and readers, holders and the feeds see the result. The
// articles are this file's own (published here through the studio's API), so the seeded catalog
// other specs read stays as it was.

const stack = webStack();
test.use({ baseURL: stack.siteUrl });

const EDITOR = 0;
const WRITER = 6;
const HOLDER = 17;
const address = (index: number) => testAccount(index).account.address;
const cookieOf = (index: number) => signIn(testAccount(index).account, { baseUrl: stack.siteUrl, chainId: LOCAL_CHAIN_ID });

async function api(method: string, path: string, cookie: string | null, body?: unknown) {
  const response = await fetch(`${stack.siteUrl}${path}`, {
    method,
    headers: { ...(cookie ? { cookie } : {}), ...(body !== undefined ? { "content-type": "application/json" } : {}) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  // biome-ignore lint/suspicious/noExplicitAny: each test reads the fields its route answers
  return { status: response.status, body: (await response.json().catch(() => ({}))) as Record<string, any> };
}

let editorCookie: string;
let writerCookie: string;

/** A writer's draft, submitted and published by the editor through the studio's API (the page's own steps). */
async function publishThroughStudio(frontmatter: Record<string, unknown>, markdown: string) {
  const created = await api("POST", "/api/studio/drafts", writerCookie, { markdown, frontmatter });
  expect(created.status).toBe(201);
  const id = created.body.draft.id as string;
  expect((await api("POST", `/api/studio/drafts/${id}/submit`, writerCookie)).status).toBe(200);
  const prepared = await api("POST", `/api/studio/drafts/${id}/publish`, editorCookie, { step: "prepare" });
  expect(prepared.status, JSON.stringify(prepared.body)).toBe(200);
  const { hash } = await sendContractWrite(stack.publicClient, testAccount(EDITOR).wallet, reviveBigints<PublishCall>(prepared.body.call));
  const confirmed = await api("POST", `/api/studio/drafts/${id}/publish`, editorCookie, { step: "confirm", hash });
  expect(confirmed.status, JSON.stringify(confirmed.body)).toBe(200);
  const articleId = BigInt(confirmed.body.published.articleId);
  // Listed once the index has it (the article page may remember "none" a moment longer).
  await expect.poll(async () => (await fetch(`${stack.siteUrl}/articles/${frontmatter.slug}`)).status, { timeout: 30_000 }).toBe(200);
  return { id, articleId };
}

/** The editor's browser, signed in, with the test wallet as their connected account. */
async function editorPage(context: BrowserContext, url: string, ready: string): Promise<Page> {
  const [name, value] = editorCookie.split(/=(.*)/s);
  await context.addCookies([{ name, value, url: stack.siteUrl }]);
  await context.addInitScript(([key, account]) => window.localStorage.setItem(key, account), [TEST_ACCOUNT_KEY, address(EDITOR)] as const);
  const page = await context.newPage();
  await page.goto(url);
  const signInButton = page.getByTestId("sign-in");
  await expect(async () => {
    if ((await signInButton.isVisible()) && (await signInButton.isEnabled({ timeout: 500 }).catch(() => false))) {
      await signInButton.click({ timeout: 1_000 }).catch(() => {});
    }
    await expect(page.getByTestId(ready)).toBeVisible({ timeout: 2_000 });
  }).toPass({ timeout: 30_000 });
  return page;
}

const frontmatter = (fields: { title: string; slug: string; summary: string }) => ({
  ...fields,
  language: "en",
  published: "2026-11-27",
  edition: { price_wei: "1000000000000000", max_supply: 20 },
});

test.beforeAll(async () => {
  editorCookie = await cookieOf(EDITOR);
  writerCookie = await cookieOf(WRITER);
  expect((await api("POST", "/api/studio/writers", editorCookie, { address: address(WRITER) })).status).toBe(201);
});

test("an editor revises a published article from its draft; the article page shows both revisions with their dates", async ({
  browser,
}) => {
  const slug = "ferry-timetable-corrected";
  const { id, articleId } = await publishThroughStudio(
    frontmatter({ title: "Ferry timetable for the winter", slug, summary: "The island ferries' winter hours." }),
    "Ferries leave the harbour at 7:00 and 9:00.",
  );

  // Writers cannot revise, nor edit the published draft; nothing is packaged for them.
  const refused = await api("POST", `/api/studio/drafts/${id}/revise`, writerCookie, { step: "prepare" });
  expect([refused.status, refused.body.error]).toEqual([403, "studio.error.editorsOnly"]);
  const draft = (await api("GET", `/api/studio/drafts/${id}`, editorCookie)).body.draft;
  const writerEdit = await api("PUT", `/api/studio/drafts/${id}`, writerCookie, { ...draft, markdown: "vandalised" });
  expect(writerEdit.status).toBe(409);

  // The editor corrects the text (the autosave route), then packages and signs the revision.
  const corrected = "Ferries leave the harbour at 7:30 and 9:30 (corrected).";
  const saved = await api("PUT", `/api/studio/drafts/${id}`, editorCookie, {
    version: draft.version,
    markdown: corrected,
    frontmatter: { ...draft.frontmatter, title: "Ferry timetable for the winter (corrected)" },
  });
  expect(saved.status, JSON.stringify(saved.body)).toBe(200);
  const context = await browser.newContext({ baseURL: stack.siteUrl });
  const page = await editorPage(context, `/studio/drafts/${id}`, "revise-prepare");
  const uriBefore = await stack.publicClient.readContract({
    address: stack.editions,
    abi: articleEditionsAbi,
    functionName: "uri",
    args: [articleId],
  });
  await page.getByTestId("revise-prepare").click();
  await expect(page.getByTestId("revise-steps")).toContainText("Ready to sign");
  await page.getByTestId("revise-send").click();
  await expect(page.getByTestId("revise-done")).toContainText("ipfs://");
  const uriAfter = await stack.publicClient.readContract({
    address: stack.editions,
    abi: articleEditionsAbi,
    functionName: "uri",
    args: [articleId],
  });
  expect(uriAfter).not.toBe(uriBefore);

  // Packaging the same text again is refused as unchanged: the article already shows it.
  const again = await api("POST", `/api/studio/drafts/${id}/revise`, editorCookie, { step: "prepare" });
  expect([again.status, again.body.error]).toEqual([409, "studio.revise.error.unchanged"]);

  // Readers see the correction at the same address, with the history and both metadata CIDs.
  // The revision is on the index with its block; its metadata is fetched from IPFS a moment later.
  await expect(async () => {
    await page.goto(`/articles/${slug}`);
    await expect(page.getByTestId("revision")).toHaveCount(2, { timeout: 1_000 });
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Ferry timetable for the winter (corrected)", { timeout: 1_000 });
  }).toPass({ timeout: 30_000 });
  await expect(page.getByTestId("free-content")).toContainText("7:30");
  const revisions = page.getByTestId("revision");
  await expect(revisions.nth(0)).toContainText(/Revision 1, .*2\d{3}/);
  await expect(revisions.nth(1)).toContainText(/Original, .*2\d{3}/);
  await expect(revisions.nth(1).getByRole("link")).toHaveAttribute("href", new RegExp(`/ipfs/${uriBefore.slice("ipfs://".length)}$`));
  // The old version stays on IPFS, through the gateway.
  expect((await fetch(`${stack.ipfsGateway}/ipfs/${uriBefore.slice("ipfs://".length)}`)).status).toBe(200);
  await context.close();
});

test("an editor unlists an article with a reason: it leaves the front page, search and feed, answers 410, and its holder sees why", async ({
  browser,
}) => {
  const slug = "lighthouse-keepers-unlisted";
  const title = "Lighthouse keepers' pay dispute";
  const { articleId } = await publishThroughStudio(
    frontmatter({ title, slug, summary: "Keepers of the Gwangalli lighthouse dispute their wages." }),
    "The keepers met the port authority on Monday.",
  );
  // A reader collects an edition before the unlisting.
  const holder = testAccount(HOLDER);
  const collected = await holder.wallet.writeContract({
    address: stack.editions,
    abi: articleEditionsAbi,
    functionName: "collect",
    args: [articleId, 1n, holder.account.address, zeroAddress],
    value: 1_000_000_000_000_000n,
  });
  await stack.publicClient.waitForTransactionReceipt({ hash: collected });
  const feed = async () => (await fetch(`${stack.siteUrl}/feed.xml`)).text();
  await expect.poll(feed, { timeout: 30_000 }).toContain(`/articles/${slug}`);

  // Refused before anything is signed: a writer, an empty reason, an overlong one (in bytes).
  const path = `/api/studio/articles/${articleId}/unlist`;
  expect((await api("POST", path, writerCookie, { reason: "no" })).status).toBe(403);
  expect((await api("POST", path, null, { reason: "no" })).status).toBe(403);
  expect((await api("POST", path, editorCookie, { reason: "   " })).body.error).toBe("studio.unlist.error.reasonRequired");
  expect((await api("POST", path, editorCookie, { reason: "가".repeat(167) })).body).toMatchObject({
    error: "studio.unlist.error.reasonTooLong",
    bytes: 501,
  });

  const reason = "Unlisted at the port authority's legal request pending review.";
  const context = await browser.newContext({ baseURL: stack.siteUrl });
  const page = await editorPage(context, `/studio/articles/${articleId}`, "unlist-reason");
  await expect(page.getByTestId("unlist-prepare")).toBeDisabled();
  await page.getByTestId("unlist-reason").fill("가".repeat(167));
  await expect(page.getByTestId("unlist-problem")).toContainText("501");
  await page.getByTestId("unlist-reason").fill(reason);
  await page.getByTestId("unlist-confirm").check();
  await page.getByTestId("unlist-prepare").click();
  await page.getByTestId("unlist-send").click();
  await expect(page.getByTestId("unlist-done")).toBeVisible();
  expect(
    await stack.publicClient.readContract({
      address: stack.editions,
      abi: articleEditionsAbi,
      functionName: "isUnlisted",
      args: [articleId],
    }),
  ).toBe(true);

  // Gone from the front page, search and the feed once the index has the event.
  await expect(async () => {
    await page.goto("/");
    await expect(page.getByRole("link", { name: title })).toHaveCount(0, { timeout: 1_000 });
    await page.goto(`/search?q=${encodeURIComponent("lighthouse keepers")}`);
    await expect(page.getByRole("link", { name: title })).toHaveCount(0, { timeout: 1_000 });
    expect(await feed()).not.toContain(`/articles/${slug}`);
  }).toPass({ timeout: 30_000 });
  // The studio shows it as unlisted.
  await page.goto(`/studio/articles/${articleId}`);
  await expect(page.getByTestId("studio-article-state")).toHaveText("Unlisted");
  await page.goto("/studio");
  await expect(page.getByRole("row", { name: new RegExp(title) }).getByTestId("draft-state")).toContainText("Unlisted");

  // An anonymous reader gets a 410 with the reason, and neither the title nor the text.
  const gone = await fetch(`${stack.siteUrl}/articles/${slug}`);
  expect(gone.status).toBe(410);
  const html = await gone.text();
  expect(html).toContain(reason.replace(/'/g, "&#x27;"));
  expect(html).not.toContain("The keepers met the port authority");

  // The holder sees it in their library with the reason, and still reads it.
  const reader = await browser.newContext({ baseURL: stack.siteUrl });
  const [name, value] = (await cookieOf(HOLDER)).split(/=(.*)/s);
  await reader.addCookies([{ name, value, url: stack.siteUrl }]);
  const library = await reader.newPage();
  await library.goto("/library");
  await expect(library.getByTestId("library-unlisted")).toContainText(reason);
  const held = await library.goto(`/articles/${slug}`);
  expect(held?.status()).toBe(200);
  await expect(library.getByTestId("unlisted-reason")).toContainText(reason);
  await expect(library.getByTestId("free-content")).toContainText("The keepers met the port authority");
  await Promise.all([context.close(), reader.close()]);
});
