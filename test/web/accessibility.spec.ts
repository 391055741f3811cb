import AxeBuilder from "@axe-core/playwright";
import { expect, test } from "@playwright/test";
import { signIn } from "../helpers/siweClient.ts";
import { testAccount, webStack } from "./webStack.ts";

// Every page, in both languages, passes axe-core's WCAG 2.1 A and AA rules: contrast a reader with
// low vision can read, headings a screen reader can navigate, names on every control.

const stack = webStack();
const WCAG_21_AA = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"];
const PAGES = [
  { name: "the front page", path: "/" },
  { name: "a free article", path: "/articles/busan-blockchain-week-en" },
  { name: "a premium article", path: "/articles/local-governments-web3-ko" },
  { name: "the membership page", path: "/membership" },
  { name: "search results", path: "/search?q=blockchain" },
  { name: "the library, signed out", path: "/library" },
  { name: "the library of a member", path: "/library", signedIn: true },
  { name: "the DAO page", path: "/dao" },
  { name: "an executed proposal", path: "/dao/proposals/1" },
  // Voting or passed by the time this runs: either way the page offers the wallet its part.
  { name: "a proposal members can act on", path: "/dao/proposals/5" },
  { name: "the new proposal page", path: "/dao/new" },
  { name: "the studio, signed out", path: "/studio" },
  { name: "the studio, to a wallet without a role", path: "/studio", signedIn: true },
  { name: "the studio's team page, signed out", path: "/studio/team" },
];

for (const locale of ["ko-KR", "en-US"]) {
  for (const { name, path, signedIn } of PAGES) {
    test(`${name} has no WCAG 2.1 AA violations (${locale})`, async ({ browser }) => {
      const context = await browser.newContext({ baseURL: stack.siteUrl, locale });
      if (signedIn) {
        // #3 holds the seeded lifetime member pass and an edition: a library with everything in it.
        const [cookieName, cookieValue] = (await signIn(testAccount(3).account, { baseUrl: stack.siteUrl, chainId: 31337 })).split(
          /=(.*)/s,
        );
        await context.addCookies([{ name: cookieName, value: cookieValue, url: stack.siteUrl }]);
      }
      const page = await context.newPage();
      await page.goto(path);
      await expect(page.locator("html")).toHaveAttribute("lang", locale.slice(0, 2));
      // Wallet dialogs render in the browser after hydration: wait for them, so axe sees them too.
      await page.waitForLoadState("networkidle");
      const wcag = await new AxeBuilder({ page }).withTags(WCAG_21_AA).analyze();
      // axe files a skipped heading level under best practice, but it breaks WCAG 1.3.1 for
      // screen-reader users, who move through a page by its headings.
      const headings = await new AxeBuilder({ page }).withRules(["heading-order"]).analyze();
      const violations = [...wcag.violations, ...headings.violations];
      // The rule, what it asks and where, so a failure reads without a rerun.
      const found = violations.map((v) => `${v.id} (${v.impact}): ${v.help}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`);
      expect(found).toEqual([]);
      await context.close();
    });
  }
}
