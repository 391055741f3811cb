import { spawnSync } from "node:child_process";
import { hostname } from "node:os";
import { testActions, type WalletClient } from "viem";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { abandonPublish } from "../../scripts/content/abandonPublish.ts";
import { type PublishContext, publishArticleFile } from "../../scripts/content/publishArticleFile.ts";
import type { FrontmatterOverrides } from "../../web/src/content/parseArticleSource.ts";
import { loadArticleSource } from "../../web/src/content/loadArticleSource.ts";
import { articleEditionsAbi } from "../../web/src/generated/contracts.ts";
import { acquirePublishLock, isGoneLocally } from "../../web/src/publishing/publishLock.ts";
import { publishRunKey } from "../../web/src/publishing/publishRuns.ts";
import { type ContentStack, startContentStack } from "../helpers/contentStack.ts";

// Exactly-once publishing on the real content stack (embedded IPFS node, Hardhat's EVM, the
// database): concurrent runs, runs interrupted at every upload, a transaction left pending.
// Interruptions here are thrown errors at a chosen step; the CLI killed with SIGKILL against
// the full local stack is in test/web/publishFaults.spec.ts.

const PREMIUM = "scripts/seed/articles/local-governments-web3.ko.md";
const WITH_IMAGE = "test/content/fixtures/premium-with-image/article.en.md";

let stack: ContentStack;
beforeAll(async () => {
  stack = await startContentStack();
});
afterAll(() => stack?.stop());

let variant = 0;
/** A fresh article (its own digest and slug) from a seed file. */
const freshSource = (file: string, overrides: FrontmatterOverrides = {}) => {
  variant++;
  return loadArticleSource(file, { title: `Exactly once ${variant}`, slug: `exactly-once-${variant}`, ...overrides });
};
const articleCount = () =>
  stack.publicClient.readContract({ address: stack.editions, abi: articleEditionsAbi, functionName: "articleCount" });
async function pins() {
  const cids = new Set<string>();
  for await (const pin of stack.ipfs.client.pin.ls()) cids.add(pin.cid.toString());
  return cids;
}
/** Every CID a published article's metadata names, itself included. */
async function cidsOf(articleId: bigint) {
  const { uri, metadata } = await stack.reader.article(articleId);
  const { preview, premium, images } = metadata.properties;
  return new Set([
    uri.slice("ipfs://".length),
    preview.cid,
    ...(premium ? [premium.cid] : []),
    ...images.map((image) => image.cid),
    ...(metadata.image.startsWith("ipfs://") ? [metadata.image.slice("ipfs://".length)] : []),
  ]);
}
/** An IPFS client that dies (throws) after `uploads` successful adds. */
function ipfsFailingAfter(uploads: number): PublishContext["ipfs"] {
  let left = uploads;
  return {
    pin: stack.ipfs.client.pin,
    add: (async (...args: Parameters<typeof stack.ipfs.client.add>) => {
      if (left-- <= 0) throw new Error("interrupted (test)");
      return stack.ipfs.client.add(...args);
    }) as typeof stack.ipfs.client.add,
  };
}
const node = () => stack.publicClient.extend(testActions({ mode: "hardhat" }));
const mine = () => node().mine({ blocks: 1 });
const setAutomine = (on: boolean) => node().setAutomine(on);

describe("publishing exactly once", () => {
  it("makes one article of two runs of the same file at once", async () => {
    const source = await freshSource(PREMIUM);
    const before = await articleCount();
    const lines: string[] = [];
    const [first, second] = await Promise.all([
      publishArticleFile(source, { ...stack.context, log: (line) => lines.push(line) }),
      publishArticleFile(source, { ...stack.context, log: (line) => lines.push(line) }),
    ]);
    expect(await articleCount()).toBe(before + 1n);
    expect(second.articleId).toBe(first.articleId);
    expect([first.alreadyPublished, second.alreadyPublished].sort()).toEqual([false, true]);
    expect(lines.filter((line) => line.startsWith("Another publish of this article is running"))).toHaveLength(1);
    expect(lines.filter((line) => line.startsWith("Sent the publish transaction"))).toHaveLength(1);
  });

  it("resumes a run interrupted after any upload, reusing them and leaving no orphan pinned", async () => {
    // A premium article with an image: uploads its image, then preview and premium part, then metadata.
    const probe = await freshSource(WITH_IMAGE);
    expect(probe.images.length).toBeGreaterThan(0);
    for (const uploadsBeforeCrash of [1, 2, 3]) {
      const source = await freshSource(WITH_IMAGE);
      const pinnedBefore = await pins();
      const first: string[] = [];
      await expect(
        publishArticleFile(source, { ...stack.context, ipfs: ipfsFailingAfter(uploadsBeforeCrash), log: (line) => first.push(line) }),
      ).rejects.toThrow("interrupted (test)");
      const count = await articleCount();
      const again: string[] = [];
      const result = await publishArticleFile(source, { ...stack.context, log: (line) => again.push(line) });
      expect(result.alreadyPublished).toBe(false);
      expect(await articleCount()).toBe(count + 1n);
      // What the first run finished is not uploaded again: the premium part stays the one sealed first.
      const reused = again.filter((line) => line.includes("reusing the upload made before"));
      expect(reused.length).toBe(uploadsBeforeCrash);
      const premiumFirst = first.find((line) => line.startsWith("Encrypted premium part"))?.split(" -> ")[1];
      if (premiumFirst) expect((await stack.reader.article(result.articleId)).metadata.properties.premium?.cid).toBe(premiumFirst);
      // Every new pin belongs to the published article.
      const added = [...(await pins())].filter((cid) => !pinnedBefore.has(cid));
      const used = await cidsOf(result.articleId);
      expect(added.filter((cid) => !used.has(cid))).toEqual([]);
    }
  });

  it("resumes a run interrupted after its metadata upload, before sending: one article, same package", async () => {
    const source = await freshSource(PREMIUM);
    const before = await articleCount();
    const dying = {
      ...stack.context.walletClient,
      writeContract: async () => {
        throw new Error("killed before sending (test)");
      },
    } as unknown as WalletClient;
    const first: string[] = [];
    await expect(publishArticleFile(source, { ...stack.context, walletClient: dying, log: (line) => first.push(line) })).rejects.toThrow(
      "killed before sending",
    );
    expect(first.join("\n")).toContain("Uploaded metadata");
    const again: string[] = [];
    const result = await publishArticleFile(source, { ...stack.context, log: (line) => again.push(line) });
    expect(await articleCount()).toBe(before + 1n);
    expect(again.join("\n")).toContain("never landed; sending it again");
    expect(again.filter((line) => line.startsWith("Encrypted premium part with"))).toEqual([]);
    expect(result.metadataCid).toBe(first.find((line) => line.startsWith("Uploaded metadata"))?.split(" -> ")[1]);
  });

  it("waits for a transaction an interrupted run left pending instead of sending another", async () => {
    const source = await freshSource(PREMIUM);
    const before = await articleCount();
    // The run dies right after handing its transaction to the node, before it heard the hash.
    const dying: WalletClient = {
      ...stack.context.walletClient,
      writeContract: async (request: Parameters<WalletClient["writeContract"]>[0]) => {
        await stack.context.walletClient.writeContract(request);
        throw new Error("killed after sending (test)");
      },
    } as WalletClient;
    await setAutomine(false);
    try {
      await expect(publishArticleFile(source, { ...stack.context, walletClient: dying })).rejects.toThrow("killed after sending");
      const lines: string[] = [];
      const rerun = publishArticleFile(source, { ...stack.context, log: (line) => lines.push(line) });
      await new Promise((resolve) => setTimeout(resolve, 2_500));
      expect(lines.join("\n")).toContain("sent before is still pending; waiting for it to be mined");
      expect(await articleCount()).toBe(before);
      await mine();
      const result = await rerun;
      expect(result.alreadyPublished).toBe(true);
      await mine();
      expect(await articleCount()).toBe(before + 1n);
      expect((await stack.reader.article(result.articleId)).metadata.properties.content_digest).toBe(source.contentDigest);
    } finally {
      await setAutomine(true);
    }
  });

  it("publishes again, reusing its uploads, when the chain it was recorded on was reset", async () => {
    const source = await freshSource(PREMIUM);
    const snapshot = await node().snapshot();
    const first = await publishArticleFile(source, stack.context);
    await node().revert({ id: snapshot });
    const lines: string[] = [];
    const again = await publishArticleFile(source, { ...stack.context, log: (line) => lines.push(line) });
    expect(again.alreadyPublished).toBe(false);
    expect(again.metadataCid).toBe(first.metadataCid);
    expect(lines.join("\n")).toContain("is not on this chain (was it reset?)");
  });

  it("abandons an interrupted run: its uploads are unpinned, an image another article uses stays", async () => {
    const published = await publishArticleFile(await freshSource(WITH_IMAGE), stack.context);
    const sharedImage = (await stack.reader.article(published.articleId)).metadata.properties.images[0].cid;
    const source = await freshSource(WITH_IMAGE);
    const pinnedBefore = await pins();
    await expect(publishArticleFile(source, { ...stack.context, ipfs: ipfsFailingAfter(3) })).rejects.toThrow("interrupted");
    expect([...(await pins())].filter((cid) => !pinnedBefore.has(cid)).length).toBeGreaterThan(0);
    await abandonPublish(source, stack.context);
    expect([...(await pins())].filter((cid) => !pinnedBefore.has(cid))).toEqual([]);
    expect(await pins()).toContain(sharedImage);
    await expect(abandonPublish(await loadArticleSource(PREMIUM), stack.context)).resolves.toBeTruthy(); // nothing to unpin: no harm
    const onChain = await freshSource(PREMIUM);
    await publishArticleFile(onChain, stack.context);
    await expect(abandonPublish(onChain, stack.context)).rejects.toThrow(/is published as article \d+/);
  });

  it("unpins an edited version's unfinished uploads once the article is published", async () => {
    const slug = `edited-${Date.now()}`;
    const draft = await loadArticleSource(PREMIUM, { title: "Before the edit", slug });
    const pinnedBefore = await pins();
    await expect(publishArticleFile(draft, { ...stack.context, ipfs: ipfsFailingAfter(2) })).rejects.toThrow("interrupted");
    const edited = await loadArticleSource(PREMIUM, { title: "After the edit", slug });
    const lines: string[] = [];
    const result = await publishArticleFile(edited, { ...stack.context, log: (line) => lines.push(line) });
    expect(lines.join("\n")).toContain(`of an earlier version of ${slug} that was never published`);
    const used = await cidsOf(result.articleId);
    expect([...(await pins())].filter((cid) => !pinnedBefore.has(cid) && !used.has(cid))).toEqual([]);
  });
});

describe("the publish lock", () => {
  const run = (name: string) => ({ key: publishRunKey(31337, "0xlock", name), slug: name });

  it("is taken over at once from a holder on this machine that died", async () => {
    const deadPid = spawnSync(process.execPath, ["-e", ""]).pid!;
    const dead = `${deadPid}@${hostname()}#00000000`;
    expect(isGoneLocally(dead)).toBe(true);
    expect(isGoneLocally(`${process.pid}@${hostname()}#00000000`)).toBe(false);
    expect(isGoneLocally(`${deadPid}@another-machine#00000000`)).toBe(false);
    const target = run("dead-holder");
    const held = await acquirePublishLock(stack.database.db, target);
    await stack.database.db.updateTable("publish_runs").set({ lock_owner: dead }).where("key", "=", target.key).execute();
    await held.release(); // released by its real owner only: the dead one still "holds" it
    const taken = await acquirePublishLock(stack.database.db, target);
    expect(taken.owner).not.toBe(dead);
    await taken.release();
  });

  it("waits while a live holder elsewhere has it, and takes it when the lease runs out", async () => {
    const target = run("remote-holder");
    const held = await acquirePublishLock(stack.database.db, target);
    await held.release();
    await stack.database.db
      .updateTable("publish_runs")
      .set({ lock_owner: "1@another-machine#00000000", lock_expires_at: new Date(Date.now() + 2_000) })
      .where("key", "=", target.key)
      .execute();
    const waits: string[] = [];
    const taken = await acquirePublishLock(stack.database.db, target, (holder) => waits.push(holder));
    expect(waits).toEqual(["1@another-machine#00000000"]);
    await taken.release();
  });
});
