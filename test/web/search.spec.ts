import { expect, test } from "@playwright/test";
import { webStack } from "./webStack.ts";

// What readers expect of an archive, in a real browser against the real stack: search from the
// masthead in both languages, the Atom feed the front page announces, the sitemap, and an
// article's other-language version.

const stack = webStack();
test.use({ baseURL: stack.siteUrl });

test("the masthead searches titles and summaries: a Korean word inside a longer one, English in any case, and says when nothing matches", async ({
  page,
}) => {
  await page.goto("/");
  await page.getByRole("search").getByRole("searchbox").fill("지자체");
  await page.getByRole("search").getByRole("button", { name: "Search" }).click();
  await expect(page).toHaveURL(/\/search\?q=%EC%A7%80%EC%9E%90%EC%B2%B4/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Articles with “지자체”");
  // "지자체들" in the Korean title; the English translation says "Local governments", not 지자체.
  await expect(page.getByTestId("article-card")).toHaveCount(1);
  await expect(page.getByTestId("article-card")).toContainText("웹3.0에 관심 보이는 지자체들");

  await page.goto(`/search?q=${encodeURIComponent("REGULATION-free")}`);
  await expect(page.getByTestId("article-card").filter({ hasText: "Busan Blockchain Week" })).toHaveCount(1);
  await expect(page.getByTestId("search-input")).toHaveValue("REGULATION-free");

  await page.goto("/search?q=zebracorn");
  await expect(page.getByTestId("article-card")).toHaveCount(0);
  await expect(page.getByTestId("search-none")).toHaveText("No article has “zebracorn” in its title or summary.");
  await page.goto("/search?q=");
  await expect(page.getByTestId("search-problem")).toHaveText("Type a word to search for.");
});

test("Korean readers search in Korean", async ({ browser }) => {
  const context = await browser.newContext({ baseURL: stack.siteUrl, locale: "ko-KR" });
  const page = await context.newPage();
  await page.goto("/");
  await page.getByRole("search").getByRole("searchbox").fill("암표");
  await page.getByRole("search").getByRole("button", { name: "검색" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("“암표” 검색 결과");
  await expect(page.getByTestId("article-card")).toHaveCount(1);
  await expect(page.getByTestId("article-card")).toContainText("서울 공연장에 들어온 NFT 티켓");
  await page.goto(`/search?q=${encodeURIComponent("없는낱말")}`);
  await expect(page.getByTestId("search-none")).toHaveText("제목이나 요약에 “없는낱말”이(가) 들어간 기사가 없습니다.");
  await context.close();
});

test("the front page announces its Atom feed, for the whole publication and for a section", async ({ page, request }) => {
  await page.goto("/");
  const alternate = page.locator('link[rel="alternate"][type="application/atom+xml"]');
  await expect(alternate).toHaveAttribute("href", /\/feed\.xml$/);
  const feed = await request.get((await alternate.getAttribute("href"))!);
  expect(feed.headers()["content-type"]).toContain("application/atom+xml");
  const xml = await feed.text();
  expect(xml).toContain("<title>Busan Blockchain Week: what a regulation-free zone has to show</title>");
  expect(xml).toContain("<title>웹3.0에 관심 보이는 지자체들… 서울·부산·인천 블록체인 행보 살펴보니</title>");

  await page.goto("/?section=events");
  const sectionFeed = await request.get((await alternate.getAttribute("href"))!);
  const entries = (await sectionFeed.text()).match(/<entry /g) ?? [];
  expect(entries).toHaveLength(1);
  expect(await page.getByTestId("feed-link").getAttribute("href")).toBe("/feed.xml?section=events");
  expect((await request.get("/feed.xml?language=fr")).status()).toBe(400);

  const sitemap = await request.get("/sitemap.xml");
  expect(await sitemap.text()).toContain("/sitemaps/0.xml</loc>");
  expect(await (await request.get("/sitemaps/0.xml")).text()).toContain("/articles/local-governments-web3-en</loc>");
});

test("an article links its other-language version, both ways, in the reader's language", async ({ page, browser }) => {
  await page.goto("/articles/local-governments-web3-ko");
  await page.getByTestId("other-language").getByRole("link", { name: "Read in English" }).click();
  await expect(page).toHaveURL(/\/articles\/local-governments-web3-en$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(
    "Korean cities warm to Web3: what Seoul, Busan and Incheon are doing with blockchain",
  );
  await page.getByTestId("other-language").getByRole("link", { name: "Read in Korean" }).click();
  await expect(page).toHaveURL(/\/articles\/local-governments-web3-ko$/);
  // An article without a translation links none.
  await page.goto("/articles/busan-blockchain-week-en");
  await expect(page.getByTestId("other-language")).toHaveCount(0);

  const context = await browser.newContext({ baseURL: stack.siteUrl, locale: "ko-KR" });
  const korean = await context.newPage();
  await korean.goto("/articles/local-governments-web3-en");
  await expect(korean.getByTestId("other-language").getByRole("link", { name: "한국어로 읽기" })).toHaveAttribute(
    "href",
    "/articles/local-governments-web3-ko",
  );
  await korean.goto("/articles/local-governments-web3-ko");
  await expect(korean.getByTestId("other-language").getByRole("link", { name: "영어로 읽기" })).toHaveAttribute(
    "href",
    "/articles/local-governments-web3-en",
  );
  await context.close();
});
