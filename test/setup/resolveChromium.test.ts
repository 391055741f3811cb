import { chromium } from "@playwright/test";
import { describe, expect, it } from "vitest";
import { PROJECT_CHROMIUM_ARGS, resolveChromium, SYSTEM_CHROMIUM } from "../../scripts/setup/resolveChromium.ts";

describe("the Chromium the browser tests launch", () => {
  it("is CHROMIUM_PATH when it is set", async () => {
    const launch = await resolveChromium({ CHROMIUM_PATH: "/opt/chrome/chrome" }, () => true);
    expect(launch).toMatchObject({ executablePath: "/opt/chrome/chrome", source: "CHROMIUM_PATH", args: PROJECT_CHROMIUM_ARGS });
  });

  it("is Debian's Chromium when it is installed", async () => {
    const launch = await resolveChromium({}, (path) => path === SYSTEM_CHROMIUM);
    expect(launch).toMatchObject({ executablePath: SYSTEM_CHROMIUM, source: "system" });
  });

  it("is the one @sparticuz/chromium ships when neither is there, and it renders a Korean page", async () => {
    const launch = await resolveChromium({}, () => false);
    expect(launch.source).toBe("@sparticuz/chromium");
    expect(launch.args).toEqual(expect.arrayContaining(PROJECT_CHROMIUM_ARGS));
    expect(launch.args).not.toContain("--disable-web-security");
    const browser = await chromium.launch(launch);
    try {
      const page = await browser.newPage();
      await page.setContent(`<html lang="ko"><body><h1>지방정부의 웹3 실험</h1></body></html>`);
      await expect(page.locator("h1").textContent()).resolves.toBe("지방정부의 웹3 실험");
    } finally {
      await browser.close();
    }
  });
});
