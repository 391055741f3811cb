// Which Chromium the browser tests and `npm run bench:web` launch, so `npm test` needs only
// Node and npm: CHROMIUM_PATH when set, else Debian's /usr/bin/chromium when installed, else
// the Chromium build that the npm package @sparticuz/chromium ships (extracted once to the
// temp folder). Playwright cannot download its own browsers here.
import { existsSync } from "node:fs";

/** The flags every launch uses: headless in CI containers, nothing phoning home. */
export const PROJECT_CHROMIUM_ARGS = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];

// --single-process: the browser dies with the first closed context, failing the next test;
// the other two switch off the same-origin and mixed-content rules the gate tests rely on.
const DROPPED_ARGS = new Set(["--single-process", "--disable-web-security", "--allow-running-insecure-content"]);

export const SYSTEM_CHROMIUM = "/usr/bin/chromium";

export interface ChromiumLaunch {
  executablePath: string;
  args: string[];
  source: "CHROMIUM_PATH" | "system" | "@sparticuz/chromium";
}

/**
 * `TOPNFTPOST_IGNORE_SYSTEM_TOOLS=1` makes it skip Debian's Chromium, as on a machine without
 * it (CI proves the npm-only path this way).
 */
export async function resolveChromium(env: NodeJS.ProcessEnv = process.env, exists = existsSync): Promise<ChromiumLaunch> {
  if (env.CHROMIUM_PATH) return { executablePath: env.CHROMIUM_PATH, args: PROJECT_CHROMIUM_ARGS, source: "CHROMIUM_PATH" };
  if (!ignoreSystemTools(env) && exists(SYSTEM_CHROMIUM)) {
    return { executablePath: SYSTEM_CHROMIUM, args: PROJECT_CHROMIUM_ARGS, source: "system" };
  }
  const { default: packaged } = await import("@sparticuz/chromium");
  // Its own flags (they make its build run headless without a GPU) and ours, less those made for
  // one-shot serverless runs that break tests here (see DROPPED_ARGS).
  const args = [...new Set([...packaged.args, ...PROJECT_CHROMIUM_ARGS])].filter((arg) => !DROPPED_ARGS.has(arg));
  return { executablePath: await packaged.executablePath(), args, source: "@sparticuz/chromium" };
}

export const ignoreSystemTools = (env: NodeJS.ProcessEnv) => env.TOPNFTPOST_IGNORE_SYSTEM_TOOLS === "1";
