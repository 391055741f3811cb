import { chmodSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SEED_ARTICLES, seedArticles } from "../../scripts/seed/seedArticles.ts";
import { loadMasterKeyring } from "../../web/src/content/loadMasterKeyring.ts";
import { articleEditionsAbi } from "../../web/src/generated/contracts.ts";
import { type ContentStack, startContentStack } from "../helpers/contentStack.ts";

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? filesUnder(join(dir, entry.name)) : [join(dir, entry.name)],
  );
}

/** Sentences long enough that finding one in a block could only mean the text leaked. */
const sentences = (markdown: string) =>
  markdown
    .split(/\n+|(?<=[.!?])\s+/)
    .map((line) => line.trim())
    .filter((line) => Buffer.byteLength(line) >= 24 && !line.startsWith("!["));

describe("seeded content", () => {
  let stack: ContentStack;
  let seeded: Awaited<ReturnType<typeof seedArticles>>;
  const quiet = () => {};

  beforeAll(async () => {
    stack = await startContentStack();
    seeded = await seedArticles(stack.context, stack.wallets.slice(5, 8), quiet);
  });
  afterAll(() => stack?.stop());

  const read = (articleId: bigint) =>
    stack.publicClient.readContract({ address: stack.editions, abi: articleEditionsAbi, functionName: "article", args: [articleId] });

  it("publishes every seed article with the planned sale states", async () => {
    expect(seeded.map((article) => article.articleId)).toEqual(SEED_ARTICLES.map((_, index) => BigInt(index + 1)));
    const languages = seeded.map((article) => article.source.frontmatter.language);
    expect(languages).toContain("ko");
    expect(languages).toContain("en");
    const soldOut = seeded.find((article) => "afterwards" in article && article.afterwards === "sell-out")!;
    const [, soldOutSale] = await read(soldOut.articleId);
    expect(soldOutSale.minted).toBe(soldOutSale.maxSupply);
    const closed = seeded.find((article) => "afterwards" in article && article.afterwards === "close-sale")!;
    const [, closedSale] = await read(closed.articleId);
    const { timestamp } = await stack.publicClient.getBlock();
    expect(BigInt(closedSale.saleEnd)).toBeLessThanOrEqual(timestamp);
    const levels = await Promise.all(seeded.map(async (article) => (await read(article.articleId))[2].premiumLevel));
    expect(levels).toEqual(expect.arrayContaining([0, 1, 2, 255]));
  });

  it("leaves no sentence of any premium part in any raw block on disk", () => {
    const blocks = filesUnder(stack.ipfs.dataDir).map((file) => readFileSync(file));
    const premium = seeded.flatMap((article) => sentences(article.source.premium ?? ""));
    const free = seeded.flatMap((article) => sentences(article.source.free));
    expect(premium.length).toBeGreaterThan(20);
    // The scan finds text that is there: every free sentence is in some block.
    for (const sentence of free)
      expect(
        blocks.some((block) => block.includes(sentence)),
        sentence,
      ).toBe(true);
    for (const sentence of premium)
      expect(
        blocks.some((block) => block.includes(sentence)),
        sentence,
      ).toBe(false);
  });

  it("seeds again without publishing or uploading anything twice", async () => {
    const blocksBefore = filesUnder(stack.ipfs.dataDir).filter((file) => file.includes("blocks")).length;
    const again = await seedArticles(stack.context, stack.wallets.slice(5, 8), quiet);
    expect(again.every((article) => article.alreadyPublished)).toBe(true);
    expect(await stack.publicClient.readContract({ address: stack.editions, abi: articleEditionsAbi, functionName: "articleCount" })).toBe(
      BigInt(SEED_ARTICLES.length),
    );
    expect(filesUnder(stack.ipfs.dataDir).filter((file) => file.includes("blocks")).length).toBe(blocksBefore);
  });

  it("keeps the generated master key owner-only and reuses it", async () => {
    expect(statSync(stack.keyFile).mode & 0o777).toBe(0o600);
    const again = await loadMasterKeyring(stack.chainId, { CONTENT_KEY_FILE: stack.keyFile });
    expect(again.current.id).toBe(stack.keyring.current.id);
  });

  it("refuses a key file other users can read, and a missing key off the local chain", async () => {
    const exposed = join(stack.workDir, "exposed.key");
    writeFileSync(exposed, readFileSync(stack.keyFile));
    chmodSync(exposed, 0o644);
    await expect(loadMasterKeyring(stack.chainId, { CONTENT_KEY_FILE: exposed })).rejects.toThrow(`chmod 600 ${exposed}`);
    await expect(loadMasterKeyring(8217, {})).rejects.toThrow("CONTENT_MASTER_KEY is required on chain 8217");
    await expect(loadMasterKeyring(8217, { CONTENT_MASTER_KEY: "abc" })).rejects.toThrow("must be 32 bytes");
  });
});
