import { runPublishCli, type StackEndpoints } from "../../../test/web/publishCli.ts";

/**
 * `npm run publish:article` as an editor runs it, while a reader keeps reloading the front page:
 * returns the CLI's lines and how long after it printed "Published article" (its block mined) the
 * front page first listed the new title.
 */
export async function publishAndWatchFrontPage(args: string[], title: string, stack: StackEndpoints) {
  let shown: Promise<number> | undefined;
  const run = runPublishCli(
    args,
    (line) => {
      if (/\] Published article/.test(line)) shown ??= millisecondsUntilListed(stack.siteUrl, title);
    },
    stack,
  );
  const code = await run.exited;
  if (code !== 0) throw new Error(`publish:article exited with ${code}:\n${run.lines.join("\n")}`);
  return { lines: run.lines, frontPageShowsItMs: shown ? await shown : Number.NaN };
}

async function millisecondsUntilListed(siteUrl: string, title: string) {
  const started = performance.now();
  const escaped = title.replaceAll("&", "&amp;");
  while (performance.now() - started < 30_000) {
    const page = await fetch(`${siteUrl}/`).then(
      (response) => response.text(),
      () => "",
    );
    if (page.includes(escaped)) return Math.round(performance.now() - started);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  return Number.NaN;
}
