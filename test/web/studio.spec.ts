import AxeBuilder from "@axe-core/playwright";
import { type BrowserContext, expect, type Page, test } from "@playwright/test";
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { parseEther, zeroAddress } from "viem";
import { articleEditionsAbi, articleEditionsConstants, LOCAL_CHAIN_ID, membershipPassAbi } from "../../web/src/generated/contracts.ts";
import { TEST_ACCOUNT_KEY } from "../../web/src/wallet/createWagmiConfig.ts";
import { signIn } from "../helpers/siweClient.ts";
import { testAccount, webStack } from "./webStack.ts";

// The newsroom studio on the real stack: roles read from the database and the chain on every
// request, drafts that autosave without ever overwriting another tab, and the review loop.

const stack = webStack();
test.use({ baseURL: stack.siteUrl });

// #0 deployed the publication and holds PUBLISHER_ROLE: the editor. #6 and #7 are writers the
// editor adds; #8 is a signed-in wallet with no role.
const EDITOR = 0;
const WRITER = 6;
const OTHER_WRITER = 7;
const NOBODY = 8;
const address = (index: number) => testAccount(index).account.address;
const cookieOf = (index: number) => signIn(testAccount(index).account, { baseUrl: stack.siteUrl, chainId: LOCAL_CHAIN_ID });

/** What the studio's API answers, loosely: each test reads the fields its route returns. */
interface Answer {
  error?: string;
  draft: { id: string; version: number; markdown: string; state: string };
  drafts: { owner: string }[];
  comments: unknown[];
  writers: unknown[];
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
}

const ARTICLE = {
  title: "부산 블록체인 주간, 특구 5년의 성적표",
  summary: "규제자유특구가 무엇을 남겼는지 돌아본다.",
  free: "부산은 2019년 블록체인 규제자유특구로 지정되었다.",
  premium: "특구 사업자 열두 곳 가운데 세 곳만 본사업으로 넘어갔다.",
};

let editorCookie: string;
test.beforeAll(async () => {
  const hasRole = (index: number) =>
    stack.publicClient.readContract({
      address: stack.editions,
      abi: articleEditionsAbi,
      functionName: "hasRole",
      args: [articleEditionsConstants.PUBLISHER_ROLE, address(index)],
    });
  expect(await hasRole(EDITOR)).toBe(true);
  expect(await hasRole(NOBODY)).toBe(false);
  editorCookie = await cookieOf(EDITOR);
  for (const writer of [WRITER, OTHER_WRITER]) {
    expect((await api("POST", "/api/studio/writers", editorCookie, { address: address(writer) })).status).toBe(201);
  }
});

test("every studio route refuses a visitor, a wallet without a role, and a writer on another writer's draft; nothing changes", async () => {
  const writerCookie = await cookieOf(WRITER);
  const created = await api("POST", "/api/studio/drafts", writerCookie, { markdown: "비공개 초안", frontmatter: { title: "비공개" } });
  expect(created.status).toBe(201);
  const id = created.body.draft.id as string;
  const attempt = { version: created.body.draft.version, markdown: "덮어쓰기", frontmatter: {}, body: "note", address: address(NOBODY) };
  const ROUTES: [method: string, path: string, onDraft: boolean][] = [
    ["GET", "/api/studio/drafts", false],
    ["POST", "/api/studio/drafts", false],
    ["GET", `/api/studio/drafts/${id}`, true],
    ["PUT", `/api/studio/drafts/${id}`, true],
    ["DELETE", `/api/studio/drafts/${id}`, true],
    ["POST", `/api/studio/drafts/${id}/submit`, true],
    ["GET", `/api/studio/drafts/${id}/comments`, true],
    ["POST", `/api/studio/drafts/${id}/comments`, true],
    ["POST", `/api/studio/drafts/${id}/request-changes`, true],
    ["GET", `/api/studio/drafts/${id}/publish`, true],
    ["POST", `/api/studio/drafts/${id}/publish`, true],
    ["POST", `/api/studio/drafts/${id}/images`, true],
    ["GET", `/api/studio/drafts/${id}/images/${"0".repeat(64)}`, true],
    ["POST", `/api/studio/drafts/${id}/revise`, true],
    ["POST", "/api/studio/articles/1/unlist", false],
    ["POST", "/api/studio/preview", false],
    ["GET", "/api/studio/writers", false],
    ["POST", "/api/studio/writers", false],
    ["DELETE", `/api/studio/writers/${address(WRITER)}`, false],
  ];
  const who = [
    { name: "without a session", cookie: null, routes: ROUTES },
    { name: "a wallet without a role", cookie: await cookieOf(NOBODY), routes: ROUTES },
    { name: "a forged session cookie", cookie: "topnftpost_session=eyJhbGciOiJIUzI1NiJ9.e30.x", routes: ROUTES },
    {
      name: "another writer",
      cookie: await cookieOf(OTHER_WRITER),
      routes: ROUTES.filter(([, path, onDraft]) => onDraft || path.startsWith("/api/studio/writers")),
    },
  ];
  const teamBefore = await api("GET", "/api/studio/writers", editorCookie);
  for (const { name, cookie, routes } of who) {
    for (const [method, path] of routes) {
      const answer = await api(method, path, cookie, method === "GET" ? undefined : attempt);
      expect(answer.status, `${method} ${path} as ${name}`).toBe(403);
      expect(String(answer.body.error), `${method} ${path} as ${name}`).toMatch(/^studio\.error\./);
    }
  }
  // Nothing changed: the draft, its comments, the team; the role-less wallet has no draft anywhere.
  const after = await api("GET", `/api/studio/drafts/${id}`, writerCookie);
  expect(after.body.draft).toMatchObject({ markdown: "비공개 초안", version: created.body.draft.version, state: "draft" });
  expect(after.body.comments).toEqual([]);
  expect((await api("GET", "/api/studio/writers", editorCookie)).body).toEqual(teamBefore.body);
  const everyDraft = (await api("GET", "/api/studio/drafts", editorCookie)).body.drafts as { owner: string }[];
  expect(everyDraft.map((draft) => draft.owner)).not.toContain(address(NOBODY));
  // An unsubmitted draft is the writer's alone, even to editors.
  expect((await api("GET", `/api/studio/drafts/${id}`, editorCookie)).status).toBe(403);
});

test("a wallet without a role is refused by the studio's pages, in both languages", async ({ browser }) => {
  for (const [locale, message] of [
    ["en-US", "not on the newsroom's team"],
    ["ko-KR", "뉴스룸 팀에 없습니다"],
  ]) {
    const context = await browser.newContext({ baseURL: stack.siteUrl, locale });
    await signedInContext(context, NOBODY);
    const page = await context.newPage();
    await page.goto("/");
    await page.getByRole("link", { name: locale === "ko-KR" ? "스튜디오" : "Studio" }).click();
    await expect(page.getByTestId("studio-refused")).toContainText(message);
    await page.goto("/studio/team");
    await expect(page.getByTestId("studio-refused")).toBeVisible();
    await context.close();
  }
});

async function waitSaved(page: Page) {
  await expect(page.getByTestId("save-status")).toHaveAttribute("data-status", "saved");
}

test("a writer drafts a Korean article with a premium part, loses nothing on reload, submits; the editor sends it back; the writer revises", async ({
  browser,
}) => {
  const writer = await browser.newContext({ baseURL: stack.siteUrl, locale: "ko-KR" });
  await signedInContext(writer, WRITER);
  const page = await writer.newPage();
  await page.goto("/studio");
  await page.getByTestId("new-draft").click();
  await expect(page).toHaveURL(/\/studio\/drafts\//);
  const draftUrl = page.url();
  await page.getByTestId("field-title").fill(ARTICLE.title);
  await page.getByTestId("field-summary").fill(ARTICLE.summary);
  await page.getByTestId("field-price").fill("1000000000000000");
  await page.getByTestId("field-premium").selectOption("level");
  await page.getByTestId("author-name-0").fill("김기자");
  await page.getByTestId("draft-markdown").fill(`${ARTICLE.free}\n\n<!-- premium -->\n\n${ARTICLE.premium}`);
  // The preview renders the free part, the marker as a divider, then the premium part.
  await expect(page.getByTestId("preview-free")).toContainText(ARTICLE.free);
  await expect(page.getByTestId("premium-divider")).toBeVisible();
  await expect(page.getByTestId("preview-premium")).toContainText(ARTICLE.premium);
  await waitSaved(page);
  await expect(page.getByTestId("draft-problem")).toContainText("제출할 수 있습니다");

  // Typed, then reloaded before any autosave tick: leaving the page saves it (or this browser's copy restores it).
  await page.getByTestId("draft-markdown").press("End");
  await page.getByTestId("draft-markdown").pressSequentially(" 추가 문장.");
  await page.reload();
  await expect(page.getByTestId("draft-markdown")).toHaveValue(new RegExp(`${ARTICLE.premium} 추가 문장\\.$`));
  await expect(page.getByTestId("field-title")).toHaveValue(ARTICLE.title);
  await expect(page.getByTestId("field-premium")).toHaveValue("level");
  await waitSaved(page);

  // A frontmatter mistake is named with the CLI's own message.
  await page.getByTestId("field-price").fill("0.5");
  await expect(page.getByTestId("draft-problem")).toContainText('edition.price_wei: must be a whole number of wei, got "0.5"');
  await page.getByTestId("field-price").fill("1000000000000000");
  await expect(page.getByTestId("draft-problem")).toContainText("제출할 수 있습니다");
  await page.getByTestId("submit-draft").click();
  await expect(page.getByTestId("read-only")).toContainText("검토 중");
  await page.goto("/studio");
  await expect(page.getByTestId("my-drafts").getByRole("row", { name: ARTICLE.title })).toContainText("검토 중");

  // The editor sees it among the submissions, comments and asks for changes.
  const editor = await browser.newContext({ baseURL: stack.siteUrl, locale: "en-US" });
  await signedInContext(editor, EDITOR);
  const review = await editor.newPage();
  await review.goto("/studio");
  await review.getByTestId("submitted-drafts").getByRole("link", { name: ARTICLE.title }).click();
  await expect(review.getByTestId("draft-markdown")).toHaveValue(new RegExp(ARTICLE.premium));
  await expect(review.getByTestId("read-only")).toBeVisible();
  const axe = await new AxeBuilder({ page: review }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
  expect(axe.violations.map((violation) => violation.id)).toEqual([]);
  await review.getByTestId("comment-text").fill("첫 문단에 출처를 밝혀 주세요.");
  await review.getByTestId("request-changes").click();
  await expect(review.getByTestId("read-only")).toContainText("Changes requested");

  // The writer reads the note, revises and submits again.
  await page.goto(draftUrl);
  await expect(page.getByTestId("comments")).toContainText("첫 문단에 출처를 밝혀 주세요.");
  await page.getByTestId("draft-markdown").fill(`${ARTICLE.free} (부산시 발표)\n\n<!-- premium -->\n\n${ARTICLE.premium}`);
  await waitSaved(page);
  await page.getByTestId("submit-draft").click();
  await expect(page.getByTestId("read-only")).toContainText("검토 중");
  await review.reload();
  await expect(review.getByTestId("draft-markdown")).toHaveValue(/\(부산시 발표\)/);
  await writer.close();
  await editor.close();
});

test("two tabs editing one draft: the second is told of the conflict and never overwrites the first", async ({ browser }) => {
  const writerCookie = await cookieOf(WRITER);
  const created = await api("POST", "/api/studio/drafts", writerCookie, { markdown: "처음", frontmatter: { title: "두 탭" } });
  const context = await browser.newContext({ baseURL: stack.siteUrl, locale: "en-US" });
  await signedInContext(context, WRITER);
  const first = await context.newPage();
  const second = await context.newPage();
  await first.goto(`/studio/drafts/${created.body.draft.id}`);
  await second.goto(`/studio/drafts/${created.body.draft.id}`);
  await first.getByTestId("draft-markdown").fill("first tab's text");
  await waitSaved(first);
  await second.getByTestId("draft-markdown").fill("second tab's text");
  await expect(second.getByTestId("save-status")).toHaveAttribute("data-status", "conflict");
  await expect(second.getByTestId("save-status")).toContainText("saved elsewhere");
  const stored = await api("GET", `/api/studio/drafts/${created.body.draft.id}`, writerCookie);
  expect(stored.body.draft.markdown).toBe("first tab's text");
  // Loading the newer version shows the first tab's text.
  await second.getByTestId("load-newer").click();
  await expect(second.getByTestId("draft-markdown")).toHaveValue("first tab's text");
  await context.close();
});

test("an editor manages the writers on /studio/team", async ({ browser }) => {
  const context = await browser.newContext({ baseURL: stack.siteUrl, locale: "ko-KR" });
  await signedInContext(context, EDITOR);
  const page = await context.newPage();
  await page.goto("/studio/team");
  const newcomer = address(9);
  await page.getByTestId("writer-address").fill(newcomer.toLowerCase());
  await page.getByRole("button", { name: "기자 추가" }).click();
  await expect(page.getByTestId("writers")).toContainText(newcomer);
  await page.getByTestId("writer-address").fill("0x1234");
  await page.getByRole("button", { name: "기자 추가" }).click();
  await expect(page.getByText("요청 형식이 잘못되었습니다")).toBeVisible();
  const axe = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
  expect(axe.violations.map((violation) => violation.id)).toEqual([]);
  await page.getByRole("button", { name: `${newcomer} 삭제` }).click();
  await expect(page.getByTestId("writers")).not.toContainText(newcomer);
  await context.close();
});

const PUBLISHED = {
  title: "부산 블록체인 주간, 스튜디오에서 발행",
  slug: "studio-busan-weekly",
  free: "스튜디오에서 발행한 기사의 무료 부분이다.",
  premium: "스튜디오 유료 부분: 특구 예산의 절반이 두 사업에 갔다.",
};

/** Every CID the IPFS node pins, through its RPC API. */
async function pinned() {
  const response = await fetch(`${stack.ipfsApi}/api/v0/pin/ls`, { method: "POST" });
  return Object.keys(((await response.json()) as { Keys: Record<string, unknown> }).Keys).sort();
}

/** Every file the IPFS node stores (its raw blocks among them). */
function ipfsFiles(dir = join(stack.dataDir, "ipfs")): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? ipfsFiles(join(dir, entry.name)) : [join(dir, entry.name)],
  );
}

test("an editor publishes a reviewed Korean draft from the page; readers see it, a pass reads the premium part, IPFS holds no premium plaintext", async ({
  browser,
}) => {
  const writerCookie = await cookieOf(WRITER);
  const created = await api("POST", "/api/studio/drafts", writerCookie, {
    markdown: `${PUBLISHED.free}\n\n<!-- premium -->\n\n${PUBLISHED.premium}`,
    frontmatter: {
      title: PUBLISHED.title,
      slug: PUBLISHED.slug,
      summary: "스튜디오에서 편집자가 지갑으로 서명해 발행한다.",
      language: "ko",
      published: "2026-11-26",
      edition: { price_wei: "1000000000000000", max_supply: 50 },
      premium: { tier: 1 },
    },
  });
  expect(created.status).toBe(201);
  const id = created.body.draft.id;
  const publishPath = `/api/studio/drafts/${id}/publish`;
  expect((await api("POST", `/api/studio/drafts/${id}/submit`, writerCookie)).status).toBe(200);

  // A writer (not an editor) is refused, and nothing is pinned for them.
  const pinsBefore = await pinned();
  const refused = await api("POST", publishPath, writerCookie, { step: "prepare" });
  expect(refused.status).toBe(403);
  expect(refused.body.error).toBe("studio.error.editorsOnly");
  expect(await pinned()).toEqual(pinsBefore);

  // The editor packages and uploads on the server, then signs with their own wallet.
  const editor = await browser.newContext({ baseURL: stack.siteUrl, locale: "ko-KR" });
  await signedInContext(editor, EDITOR);
  await editor.addInitScript(([key, account]) => window.localStorage.setItem(key, account), [TEST_ACCOUNT_KEY, address(EDITOR)] as const);
  const page = await editor.newPage();
  await page.goto(`/studio/drafts/${id}`);
  const prepare = page.getByTestId("publish-prepare");
  const signInButton = page.getByTestId("sign-in");
  // The session cookie is already there: the wallet reconnects, and signs in only if the gate asks.
  await expect(async () => {
    if ((await signInButton.isVisible()) && (await signInButton.isEnabled({ timeout: 500 }).catch(() => false))) {
      await signInButton.click({ timeout: 1_000 }).catch(() => {});
    }
    await expect(prepare).toBeVisible({ timeout: 2_000 });
  }).toPass({ timeout: 30_000 });
  const countBefore = await stack.publicClient.readContract({
    address: stack.editions,
    abi: articleEditionsAbi,
    functionName: "articleCount",
  });
  await prepare.click();
  await expect(page.getByTestId("publish-steps")).toContainText("Ready to sign: ipfs://");
  await page.getByTestId("publish-send").click();
  await expect(page.getByTestId("publish-done")).toContainText(`#${countBefore + 1n}`);
  expect(await stack.publicClient.readContract({ address: stack.editions, abi: articleEditionsAbi, functionName: "articleCount" })).toBe(
    countBefore + 1n,
  );

  // The live article, once the index has it: on the front page and at its link.
  await expect(async () => {
    await page.goto("/");
    await expect(page.getByRole("link", { name: PUBLISHED.title })).toBeVisible();
  }).toPass({ timeout: 30_000 });
  await page.goto(`/studio/drafts/${id}`);
  // Published: the page says so; its writer can no longer edit it, editors may revise it from here.
  await expect(page.getByTestId("publish-done")).toContainText(`#${countBefore + 1n}`);
  await expect(page.getByTestId("studio-revise")).toBeVisible();
  const writerView = await api("GET", `/api/studio/drafts/${id}`, writerCookie);
  expect([writerView.body.draft.state, (writerView.body as unknown as { editable: boolean }).editable]).toEqual(["published", false]);
  const articleId = Number(countBefore + 1n);
  // The article page may still remember "no such article" for a moment after the front page lists it.
  const livePage = () => fetch(`${stack.siteUrl}/articles/${PUBLISHED.slug}`);
  await expect.poll(async () => (await livePage()).status, { timeout: 15_000 }).toBe(200);
  expect(await (await livePage()).text()).not.toContain(PUBLISHED.premium);

  // A reader with a level-1 pass reads the premium part.
  const reader = testAccount(15);
  const bought = await reader.wallet.writeContract({
    address: stack.pass,
    abi: membershipPassAbi,
    functionName: "purchase",
    args: [1n, reader.account.address, zeroAddress],
    value: parseEther("0.01"),
  });
  await stack.publicClient.waitForTransactionReceipt({ hash: bought });
  const readerCookie = await cookieOf(15);
  const premium = await fetch(`${stack.siteUrl}/api/articles/${articleId}/premium`, { headers: { cookie: readerCookie } });
  expect(premium.status).toBe(200);
  expect(await premium.text()).toContain(PUBLISHED.premium);

  // The IPFS node's blocks carry the free part in the clear, never the premium part.
  const blocks = ipfsFiles().map((file) => readFileSync(file));
  expect(blocks.some((block) => block.includes(PUBLISHED.free))).toBe(true);
  expect(blocks.some((block) => block.includes(PUBLISHED.premium))).toBe(false);
  await editor.close();
});

const PHOTO_ARTICLE = {
  title: "광안대교의 밤, 사진과 함께",
  slug: "studio-gwangan-photo",
  free: "광안대교 조명은 매일 저녁 켜진다.",
  premium: "유료 부분: 조명 예산은 한 해 12억 원이고, 결정은 구청이 했다.",
};
const photo = (name: string) => readFileSync(join(import.meta.dirname, "../server/fixtures/photos", name));
/** What a photo's metadata would tell a reader: the phone, the time, the place (fixtures' README). */
const LEAKS = ["Exif\0\0", "Samsung", "SM-S918N", "2026:11:20", "xmpmeta", "GPSLatitude"];

/** Hands the text a real photo (`fixture`, as the file `name`) as a paste or a drop would. */
async function handImage(page: Page, how: "paste" | "drop", fixture: string, name: string, type: string) {
  const bytes = [...photo(fixture)];
  await page.getByTestId("draft-markdown").evaluate(
    (element, { how, name, type, bytes }) => {
      const transfer = new DataTransfer();
      transfer.items.add(new File([new Uint8Array(bytes)], name, { type }));
      const event =
        how === "paste"
          ? new ClipboardEvent("paste", { clipboardData: transfer, bubbles: true, cancelable: true })
          : new DragEvent("drop", { dataTransfer: transfer, bubbles: true, cancelable: true });
      element.dispatchEvent(event);
    },
    { how, name, type, bytes },
  );
}

test("a writer pastes and drops photos into a Korean draft; their GPS never leaves the browser; the editor publishes with a bar per file; IPFS holds no metadata and no premium plaintext", async ({
  browser,
}) => {
  const writerCookie = await cookieOf(WRITER);
  const created = await api("POST", "/api/studio/drafts", writerCookie, {
    markdown: `${PHOTO_ARTICLE.free}\n\n<!-- premium -->\n\n${PHOTO_ARTICLE.premium}`,
    frontmatter: {
      title: PHOTO_ARTICLE.title,
      slug: PHOTO_ARTICLE.slug,
      summary: "기자의 사진은 위치 정보 없이 발행된다.",
      language: "ko",
      published: "2026-11-27",
      edition: { price_wei: "1000000000000000", max_supply: 50 },
      premium: { tier: 1 },
    },
  });
  expect(created.status).toBe(201);
  const id = created.body.draft.id;
  const pinsBefore = await pinned();

  const writer = await browser.newContext({ baseURL: stack.siteUrl, locale: "ko-KR" });
  await signedInContext(writer, WRITER);
  const page = await writer.newPage();
  // What the browser sends: the photo's bytes, its metadata already gone.
  const uploads: Buffer[] = [];
  page.on("request", (request) => {
    if (request.method() === "POST" && request.url().endsWith(`/api/studio/drafts/${id}/images`)) uploads.push(request.postDataBuffer()!);
  });
  await page.goto(`/studio/drafts/${id}`);
  await page.getByTestId("draft-markdown").focus();
  await page.getByTestId("draft-markdown").press("Control+Home");
  await handImage(page, "paste", "gps.jpg", "광안대교.jpg", "image/jpeg");
  await expect(page.getByTestId("image-note")).toContainText("메타데이터 없이 추가했습니다");
  await handImage(page, "drop", "gps.webp", "bridge.webp", "image/webp");
  await expect(page.getByTestId("image-note")).toContainText("bridge.webp");
  await expect(page.getByTestId("draft-markdown")).toHaveValue(
    new RegExp(`!\\[광안대교\\]\\(/api/studio/drafts/${id}/images/[0-9a-f]{64}\\)`),
  );
  expect(uploads).toHaveLength(2);
  for (const upload of uploads) for (const leak of LEAKS) expect(upload.toString("latin1")).not.toContain(leak);
  // The preview shows the draft's own images (served to its writer), before the premium divider.
  const previewImages = page.getByTestId("preview-free").locator("img");
  await expect(previewImages).toHaveCount(2);
  await previewImages.first().scrollIntoViewIfNeeded();
  await expect.poll(() => previewImages.first().evaluate((image: HTMLImageElement) => image.naturalWidth)).toBe(320);
  const axe = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
  expect(axe.violations.map((violation) => violation.id)).toEqual([]);
  // A file that is no image is refused in the browser, in Korean, and nothing is uploaded.
  await page.getByTestId("image-picker").setInputFiles({ name: "위치.txt", mimeType: "text/plain", buffer: Buffer.from("35.15N 129.12E") });
  await expect(page.getByTestId("image-note")).toContainText("JPEG, PNG, WebP, GIF, AVIF 이미지만");
  expect(uploads).toHaveLength(2);
  // Drafts stay private: nothing went to IPFS.
  expect(await pinned()).toEqual(pinsBefore);
  await waitSaved(page);
  await expect(page.getByTestId("draft-problem")).toContainText("제출할 수 있습니다");
  await page.getByTestId("submit-draft").click();
  await expect(page.getByTestId("read-only")).toContainText("검토 중");
  await writer.close();

  // The editor publishes from the page: a progress bar per uploaded file, then the wallet signs.
  const editor = await browser.newContext({ baseURL: stack.siteUrl, locale: "ko-KR" });
  await signedInContext(editor, EDITOR);
  await editor.addInitScript(([key, account]) => window.localStorage.setItem(key, account), [TEST_ACCOUNT_KEY, address(EDITOR)] as const);
  const review = await editor.newPage();
  await review.goto(`/studio/drafts/${id}`);
  const prepare = review.getByTestId("publish-prepare");
  const signInButton = review.getByTestId("sign-in");
  await expect(async () => {
    if ((await signInButton.isVisible()) && (await signInButton.isEnabled({ timeout: 500 }).catch(() => false))) {
      await signInButton.click({ timeout: 1_000 }).catch(() => {});
    }
    await expect(prepare).toBeVisible({ timeout: 2_000 });
  }).toPass({ timeout: 30_000 });
  await expect(review.getByTestId("preview-free").locator("img")).toHaveCount(2);
  await prepare.click();
  await expect(review.getByTestId("publish-steps")).toContainText("Ready to sign: ipfs://");
  const bars = review.getByTestId("upload-progress-item");
  // Two images, the free preview, the encrypted premium part and the metadata: each its own bar, each full.
  await expect(bars).toHaveCount(5);
  for (const bar of await bars.all()) {
    await expect(bar).toHaveAttribute("data-done", "true");
    await expect(bar.getByRole("progressbar")).toHaveAttribute("value", "100");
  }
  await review.getByTestId("publish-send").click();
  await expect(review.getByTestId("publish-done")).toBeVisible();
  const articleId = BigInt((await review.getByTestId("publish-done").textContent())!.match(/#(\d+)/)![1]);

  // On the gateway: the images as published carry no Exif, GPS, camera or XMP; links point there.
  const uri = await stack.publicClient.readContract({
    address: stack.editions,
    abi: articleEditionsAbi,
    functionName: "uri",
    args: [articleId],
  });
  const gateway = (cid: string) => fetch(`${stack.ipfsGateway}/ipfs/${cid}`);
  const metadata = (await (await gateway(uri.replace("ipfs://", ""))).json()) as {
    properties: { images: { cid: string }[]; preview: { cid: string } };
  };
  expect(metadata.properties.images).toHaveLength(2);
  for (const { cid } of metadata.properties.images) {
    const bytes = Buffer.from(await (await gateway(cid)).arrayBuffer());
    expect(bytes.length).toBeGreaterThan(1000);
    for (const leak of LEAKS) expect(bytes.toString("latin1")).not.toContain(leak);
  }
  const preview = await (await gateway(metadata.properties.preview.cid)).text();
  expect(preview).toContain(`ipfs://${metadata.properties.images[0].cid}`);
  expect(preview).not.toContain("/api/studio/");

  // The IPFS node's raw blocks carry the free part in the clear, never the premium part.
  const blocks = ipfsFiles().map((file) => readFileSync(file));
  expect(blocks.some((block) => block.includes(PHOTO_ARTICLE.free))).toBe(true);
  expect(blocks.some((block) => block.includes(PHOTO_ARTICLE.premium))).toBe(false);
  await editor.close();
});
