import { defineConfig } from "@playwright/test";

// Browser and gate tests against the real local stack (chain, IPFS node, Next.js test build)
// started once by test/web/globalSetup.ts on free ports. Chromium comes from Debian
// (`apt-get install chromium`): Playwright cannot download browsers here.
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
  use: {
    browserName: "chromium",
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH || "/usr/bin/chromium",
      args: ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
    },
    screenshot: "on",
    trace: "off",
  },
});
