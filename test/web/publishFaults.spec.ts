import { join } from "node:path";
import { expect, test } from "@playwright/test";
import { create } from "kubo-rpc-client";
import { testActions } from "viem";
import { articleEditionsAbi } from "../../web/src/generated/contracts.ts";
import { openDatabase } from "../../web/src/db/openDatabase.ts";
import { type CliRun, publishWithCli, runPublishCli } from "./publishCli.ts";
import { webStack } from "./webStack.ts";

// `npm run publish:article` interrupted the hard way against the running stack: killed with
// SIGKILL after each of its steps, run twice at once, re-run while its transaction is pending.
// Every time there must be exactly one article, and nothing pinned that it does not use.

const stack = webStack();
const ipfs = create({ url: `${stack.ipfsApi}/api/v0` });
const ARTICLE = join(import.meta.dirname, "../content/fixtures/premium-with-image/article.en.md");
const stamp = Date.now().toString(36);

const articleCount = () =>
  stack.publicClient.readContract({ address: stack.editions, abi: articleEditionsAbi, functionName: "articleCount" });
async function pins() {
  const cids = new Set<string>();
  for await (const pin of ipfs.pin.ls()) cids.add(pin.cid.toString());
  return cids;
}
/** The CIDs the newest article's metadata names, itself included. */
async function cidsOfNewest() {
  const [uri] = await stack.publicClient.readContract({
    address: stack.editions,
    abi: articleEditionsAbi,
    functionName: "article",
    args: [await articleCount()],
  });
  const metadataCid = uri.slice("ipfs://".length);
  const metadata = await (await fetch(`${stack.ipfsGateway}/ipfs/${metadataCid}`)).json();
  const { preview, premium, images } = metadata.properties;
  return new Set<string>([metadataCid, preview.cid, premium.cid, ...images.map((image: { cid: string }) => image.cid)]);
}
/** Kills the run (SIGKILL) as soon as it reports `step`: its log lines are `[1.2s] <step> ...`. */
const killAt = (step: string) => (line: string, run: CliRun) => {
  if (/^\[[\d.]+s\] /.test(line) && line.replace(/^\[[\d.]+s\] /, "").startsWith(step)) run.child.kill("SIGKILL");
};
const anvil = stack.publicClient.extend(testActions({ mode: "anvil" }));

test.describe("publishing never doubles", () => {
  const steps = ["Checked ", "Uploaded image", "Uploaded free preview", "Uploaded metadata", "Sent the publish transaction"];
  for (const [index, step] of steps.entries()) {
    test(`killed after "${step.trim()}", the re-run makes exactly one article and leaves no orphan pin`, async () => {
      const args = [ARTICLE, `--title=Killed at step ${index} ${stamp}`, `--slug=killed-at-${index}-${stamp}`];
      const before = await articleCount();
      const pinnedBefore = await pins();
      // The kill lands as the line is read, a little after the step: the invariants hold wherever.
      await runPublishCli(args, killAt(step)).exited;
      const rerun = await publishWithCli(args);
      expect(await articleCount()).toBe(before + 1n);
      if (step !== "Checked ") {
        // The killed run uploaded the image at least: the re-run takes it as it is.
        expect(rerun.join("\n")).toMatch(/reusing the upload made before|already published|sent before was mined/);
      }
      const used = await cidsOfNewest();
      expect([...(await pins())].filter((cid) => !pinnedBefore.has(cid) && !used.has(cid))).toEqual([]);
    });
  }

  test("two runs of one file at once make one article; the second waits for the first", async ({ page }) => {
    const title = `Published twice at once ${stamp}`;
    const args = [ARTICLE, `--title=${title}`, `--slug=twice-${stamp}`];
    const before = await articleCount();
    const [first, second] = [runPublishCli(args), runPublishCli(args)];
    expect(await first.exited, first.lines.join("\n")).toBe(0);
    expect(await second.exited, second.lines.join("\n")).toBe(0);
    expect(await articleCount()).toBe(before + 1n);
    const output = [...first.lines, ...second.lines].join("\n");
    expect(output.match(/Sent the publish transaction/g)).toHaveLength(1);
    expect(output).toContain("(already published)");
    // Readers see it once (the front page lists it as soon as the index has it).
    const listed = async () => {
      await page.goto(stack.siteUrl);
      return page.getByText(title, { exact: true }).count();
    };
    await expect.poll(listed, { timeout: 15_000 }).toBeGreaterThan(0);
    expect(await listed()).toBe(1);
  });

  test("a re-run while the transaction is pending waits for it instead of sending another", async () => {
    const args = [ARTICLE, `--title=Pending when re-run ${stamp}`, `--slug=pending-${stamp}`];
    const before = await articleCount();
    await anvil.setAutomine(false);
    try {
      const first = runPublishCli(args, killAt("Sent the publish transaction"));
      expect(await first.exited).toBeNull();
      let waiting: () => void = () => {};
      const told = new Promise<void>((resolve) => (waiting = resolve));
      const second = runPublishCli(args, (line) => line.includes("still pending; waiting") && waiting());
      await told;
      expect(await articleCount()).toBe(before);
      await anvil.mine({ blocks: 1 });
      expect(await second.exited).toBe(0);
      expect(second.lines.join("\n")).not.toContain("Sent the publish transaction");
      expect(second.lines.join("\n")).toContain("(already published)");
      await anvil.mine({ blocks: 1 });
      expect(await articleCount()).toBe(before + 1n);
    } finally {
      await anvil.setAutomine(true);
    }
  });

  test("content published before the database's records is found by one index lookup, not published again", async () => {
    const args = [ARTICLE, `--title=Found in the index ${stamp}`, `--slug=found-in-index-${stamp}`];
    await publishWithCli(args);
    const before = await articleCount();
    // As if the database were reset (or the article published from another machine).
    const db = openDatabase(stack.databaseUrl);
    try {
      await db.deleteFrom("publish_uploads").where("run_key", "like", "%").execute();
      await db.deleteFrom("publish_runs").execute();
    } finally {
      await db.destroy();
    }
    await expect.poll(async () => (await fetch(`${stack.siteUrl}/articles/found-in-index-${stamp}`)).status, { timeout: 15_000 }).toBe(200);
    const again = (await publishWithCli(args)).join("\n");
    expect(again).toMatch(/Looked this content up in the index: article \d+/);
    expect(again).toContain("(already published)");
    expect(await articleCount()).toBe(before);
  });
});
