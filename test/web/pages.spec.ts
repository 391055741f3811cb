import { expect, test } from "@playwright/test";
import { webStack } from "./webStack.ts";

// What any visitor sees without a wallet: the front page, article metadata for sharing, the
// membership offer, and both languages' formatting.

const stack = webStack();
test.use({ baseURL: stack.siteUrl });

test("the front page lists articles newest first, with their sale state", async ({ page }) => {
  await page.goto("/");
  const cards = page.getByTestId("article-card");
  await expect(cards.last()).toContainText("웹3.0에 관심 보이는 지자체들"); // the first one seeded
  // The test setup's article, published after the seed, comes before the last one seeded (tests may publish newer ones).
  const titles = await cards.locator("h2").allTextContents();
  expect(titles).toContain("Script injection test article");
  expect(titles.indexOf("Script injection test article")).toBeLessThan(titles.indexOf("뉴스룸이 기사를 NFT로 발행하는 이유"));
  await expect(cards.filter({ hasText: "서울 공연장에 들어온 NFT 티켓" })).toContainText("Sold out");
  await expect(cards.filter({ hasText: "Incheon Universe, explained" })).toContainText("Sale closed");
  await expect(cards.filter({ hasText: "Busan Blockchain Week" })).toContainText("Free");
  await expect(cards.filter({ hasText: "뉴스룸이 기사를 NFT로 발행하는 이유" })).toContainText("Edition holders");
});

test("a section link shows only that section", async ({ page }) => {
  await page.goto("/");
  await page.getByRole("link", { name: "#events" }).click();
  await expect(page).toHaveURL(/section=events/);
  await expect(page.getByTestId("article-card")).toHaveCount(1);
  await expect(page.getByTestId("article-card")).toContainText("Busan Blockchain Week");
});

test("an article page carries its title, description and Open Graph image for sharing", async ({ page, request }) => {
  await page.goto("/articles/busan-blockchain-week-en");
  await expect(page).toHaveTitle("Busan Blockchain Week: what a regulation-free zone has to show · TopNFTpost");
  const image = await page.locator('meta[property="og:image"]').getAttribute("content");
  expect(image).toMatch(new RegExp(`^${stack.ipfsGateway}/ipfs/Qm`));
  expect((await request.get(image!)).headers()["content-type"]).toBe("image/png");
  await expect(page.locator('meta[name="description"]')).toHaveAttribute("content", /regulation-free zone since 2019/);
  // The free article has no premium box, and its image came through IPFS.
  await expect(page.getByTestId("premium-gate")).toHaveCount(0);
  await expect(page.getByTestId("free-content").locator("img")).toHaveAttribute("src", new RegExp(`^${stack.ipfsGateway}/ipfs/`));
});

test("pages refuse to be framed by other sites", async ({ request }) => {
  const response = await request.get("/articles/local-governments-web3-ko");
  expect(response.headers()["x-frame-options"]).toBe("DENY");
  expect(response.headers()["content-security-policy"]).toContain("frame-ancestors 'none'");
  expect(response.headers()["x-content-type-options"]).toBe("nosniff");
});

test("an unknown article is a 404 page", async ({ page }) => {
  const response = await page.goto("/articles/no-such-article");
  expect(response?.status()).toBe(404);
});

test("the membership page offers every tier with its price, term and level", async ({ page }) => {
  await page.goto("/membership");
  await expect(page.getByTestId("tier-1")).toContainText("0.01 ETH");
  await expect(page.getByTestId("tier-1")).toContainText("per 30 days");
  await expect(page.getByTestId("tier-3")).toContainText("lifetime");
  await expect(page.getByTestId("tier-3")).toContainText("Votes in the coverage DAO: 1");
  // The deploy gives the three founding members (#0, #1, #3) their passes, so they vote on day one.
  await expect(page.getByTestId("tier-4")).toContainText("97 of 100 left");
});

test("Korean readers get Korean dates by default from their browser", async ({ browser }) => {
  const context = await browser.newContext({ baseURL: stack.siteUrl, locale: "ko-KR" });
  const page = await context.newPage();
  await page.goto("/articles/local-governments-web3-ko");
  await expect(page.locator("html")).toHaveAttribute("lang", "ko");
  await expect(page.getByText("2023년 10월 29일")).toBeVisible();
  await expect(page.getByTestId("open-wallet")).toHaveText("로그인하고 읽기");
  await context.close();
});

test("Hangul is drawn in the site's own Noto Sans KR, downloading only the subsets the page shows", async ({ page }) => {
  const fontFiles: string[] = [];
  page.on("response", (response) => {
    if (response.url().endsWith(".woff2") && response.ok()) fontFiles.push(response.url());
  });
  await page.goto("/articles/local-governments-web3-ko");
  await page.evaluate(() => document.fonts.ready);
  // Loaded from this site, so no reader's system fonts decide how the article looks.
  expect(await page.evaluate(() => document.fonts.check('16px "Noto Sans KR Variable"', "웹3.0에 관심 보이는 지자체들"))).toBe(true);
  expect(fontFiles.length).toBeGreaterThan(0);
  expect(fontFiles.every((url) => url.startsWith(stack.siteUrl))).toBe(true);
  // The font comes in 124 unicode-range subsets; an article needs only some of them.
  expect(fontFiles.length).toBeLessThan(124);
});
