import { expect, type Page, test } from "@playwright/test";
import { bulkPublish } from "../../../scripts/bench/scale/bulkPublish.ts";
import { articleEditionsAbi } from "../../../web/src/generated/contracts.ts";
import { createIndexReader } from "../../../web/src/indexer/createIndexReader.ts";
import { ipfsClient } from "../../../web/src/ipfs/ipfsEndpoints.ts";
import { testAccount, webStack } from "../webStack.ts";

// The front page over a catalog of 2,500 articles, published in bulk straight through the
// contracts and IPFS (the scale bench's publisher) into the shared stack. This spec is in the
// "at-scale" project, which runs after every other spec, so none of them meets this catalog.
// What each page should show is worked out from the chain and IPFS (every article's metadata URI
// and its JSON), never from the index the pages read.

const stack = webStack();
const CATALOG = 2_500;
const PAGE_SIZE = 10;

interface Truth {
  id: bigint;
  slug: string;
  section: string;
  tags: string[];
  language: string;
}

/** Every article the chain holds with article metadata on IPFS, newest first. */
async function catalogFromChainAndIpfs(): Promise<Truth[]> {
  const count = await stack.publicClient.readContract({ address: stack.editions, abi: articleEditionsAbi, functionName: "articleCount" });
  const ids = Array.from({ length: Number(count) }, (_, at) => count - BigInt(at));
  const truths: (Truth | null)[] = new Array(ids.length);
  let next = 0;
  await Promise.all(
    Array.from({ length: 16 }, async () => {
      while (next < ids.length) {
        const at = next++;
        const [uri] = await stack.publicClient.readContract({
          address: stack.editions,
          abi: articleEditionsAbi,
          functionName: "article",
          args: [ids[at]],
        });
        truths[at] = null;
        if (!uri.startsWith("ipfs://")) continue;
        // Unlisted articles (the studio tests unlist one) leave the publication's pages.
        const read = { address: stack.editions, abi: articleEditionsAbi } as const;
        if (await stack.publicClient.readContract({ ...read, functionName: "isUnlisted", args: [ids[at]] })) continue;
        const response = await fetch(`${stack.ipfsGateway}/ipfs/${uri.slice("ipfs://".length)}`);
        const metadata = response.ok ? await response.json().catch(() => null) : null;
        const p = metadata?.properties;
        if (p?.schema !== "topnftpost/article@1" || typeof p.slug !== "string") continue;
        truths[at] = { id: ids[at], slug: p.slug, section: p.section, tags: p.tags ?? [], language: p.language };
      }
    }),
  );
  return truths.filter((truth): truth is Truth => truth !== null);
}

/** The slugs of a front page's cards and its "older" link, read from the HTML the server sends. */
async function frontPageHtml(path: string) {
  const response = await fetch(`${stack.siteUrl}${path}`);
  expect(response.status, path).toBe(200);
  const html = await response.text();
  const slugs = [...html.matchAll(/<h2 lang="[^"]*"><a href="\/articles\/([^"]+)">/g)].map((match) => decodeURIComponent(match[1]));
  const older = /href="(\/\?[^"]*before=\d+[^"]*)"/.exec(html)?.[1]?.replaceAll("&amp;", "&");
  return { slugs, older };
}

/** Walks a listing from its first page through every "older" link; returns its pages. */
async function walk(firstPath: string) {
  const pages: string[][] = [];
  let path: string | undefined = firstPath;
  while (path) {
    const { slugs, older } = await frontPageHtml(path);
    pages.push(slugs);
    path = older;
    expect(pages.length).toBeLessThanOrEqual(CATALOG); // a loop in the cursors would never end
  }
  return pages;
}

const chunks = (slugs: string[]) =>
  Array.from({ length: Math.ceil(slugs.length / PAGE_SIZE) }, (_, at) => slugs.slice(at * PAGE_SIZE, (at + 1) * PAGE_SIZE));

const cardSlugs = async (page: Page) =>
  (
    await page
      .getByTestId("article-card")
      .locator("h2 a")
      .evaluateAll((links) => links.map((link) => link.getAttribute("href")!))
  ).map((href) => decodeURIComponent(href.replace("/articles/", "")));

let catalog: Truth[];

test.beforeAll(async () => {
  test.setTimeout(900_000);
  const publisher = testAccount(0);
  await bulkPublish(
    {
      publicClient: stack.publicClient,
      walletClient: publisher.wallet,
      editions: stack.editions,
      ipfs: ipfsClient(stack.ipfsApi),
      siteUrl: stack.siteUrl,
    },
    CATALOG,
  );
  catalog = await catalogFromChainAndIpfs();
  expect(catalog.length).toBeGreaterThanOrEqual(CATALOG - 50);
  // Listed once the index has stored each article's metadata.
  const index = createIndexReader({ url: stack.indexerUrl, timeoutMs: 5_000 });
  for (const { slug } of catalog) {
    await expect.poll(async () => (await index.articleBySlug(slug).catch(() => undefined))?.slug, { timeout: 300_000 }).toBe(slug);
  }
});

test("the front page pages through every article once, newest first, and back", async ({ page }) => {
  test.setTimeout(300_000);
  const expected = chunks(catalog.map((truth) => truth.slug));
  // Every page, through the "older" links: each article once, none missing, in order.
  expect(await walk("/")).toEqual(expected);

  // In the browser: forward five pages, then back through the browser's history.
  await page.goto(`${stack.siteUrl}/`);
  const seen: string[][] = [await cardSlugs(page)];
  for (let at = 1; at <= 5; at++) {
    await page.getByRole("link", { name: "Older →" }).click();
    await expect.poll(() => cardSlugs(page)).toEqual(expected[at]);
    seen.push(await cardSlugs(page));
  }
  expect(seen).toEqual(expected.slice(0, 6));
  for (let at = 4; at >= 0; at--) {
    await page.goBack();
    await expect.poll(() => cardSlugs(page)).toEqual(expected[at]);
  }
  await page.getByRole("link", { name: "Older →" }).click();
  await page.getByRole("link", { name: "Older →" }).click();
  await page.getByRole("link", { name: "← Newest" }).click();
  await expect.poll(() => cardSlugs(page)).toEqual(expected[0]);
});

test("section, tag and language filters list only matching articles, each once, with correct paging", async ({ page }) => {
  test.setTimeout(300_000);
  const filters = [
    { path: "/?section=markets", matches: (truth: Truth) => truth.section === "markets" },
    { path: "/?tag=kaia", matches: (truth: Truth) => truth.tags.includes("kaia") },
    { path: "/?language=ko", matches: (truth: Truth) => truth.language === "ko" },
    { path: "/?section=city&language=en", matches: (truth: Truth) => truth.section === "city" && truth.language === "en" },
  ];
  for (const filter of filters) {
    const expected = chunks(catalog.filter(filter.matches).map((truth) => truth.slug));
    expect(expected.length, filter.path).toBeGreaterThan(5);
    expect(await walk(filter.path), filter.path).toEqual(expected);
  }
  // In the browser: a section link from the front page, then its next page.
  await page.goto(`${stack.siteUrl}/?language=ko`);
  const korean = chunks(catalog.filter((truth) => truth.language === "ko").map((truth) => truth.slug));
  await expect.poll(() => cardSlugs(page)).toEqual(korean[0]);
  await page.getByRole("link", { name: "Older →" }).click();
  await expect.poll(() => cardSlugs(page)).toEqual(korean[1]);
});
