import { defineConfig } from "@playwright/test";
import { resolveChromium } from "./scripts/setup/resolveChromium.ts";

// Playwright cannot download browsers here: CHROMIUM_PATH, Debian's Chromium, or the one the npm
// package @sparticuz/chromium ships (see scripts/setup/resolveChromium.ts).
const chromium = await resolveChromium();

// Browser and gate tests against the real local stack (chain, IPFS node, Next.js test build)
// started once by test/web/globalSetup.ts on free ports.
export default defineConfig({
  testDir: "test/web",
  testMatch: "**/*.spec.ts",
  globalSetup: "./test/web/globalSetup.ts",
  // One chain for every test: tests share its clock and accounts, so they run one at a time.
  workers: 1,
  fullyParallel: false,
  timeout: 90_000,
  expect: { timeout: 15_000 },
  outputDir: "test-results/web",
  reporter: [["list"]],
  projects: [
    { name: "browser", testIgnore: "scale/**" },
    // Specs that fill the shared stack with thousands of articles (test/web/scale) run after every
    // other spec (a project dependency), so none of those meets a catalog it did not expect.
    { name: "at-scale", testMatch: "scale/**/*.spec.ts", dependencies: ["browser"] },
  ],
  use: {
    browserName: "chromium",
    launchOptions: { executablePath: chromium.executablePath, args: chromium.args },
    screenshot: "on",
    trace: "off",
  },
});
