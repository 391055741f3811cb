import { execFile } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";

const run = promisify(execFile);
const cli = join(import.meta.dirname, "../../scripts/content/publishArticle.ts");

async function publish(args: string[]) {
  try {
    const { stdout, stderr } = await run(process.execPath, [cli, ...args], {
      // Nothing listens here: a command that got past validation would fail on IPFS or the chain.
      env: { ...process.env, IPFS_API_URL: "http://127.0.0.1:9", CHAIN_RPC_URL: "http://127.0.0.1:9" },
    });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const { code, stdout, stderr } = error as { code: number; stdout: string; stderr: string };
    return { code, stdout, stderr };
  }
}

describe("publish:article command", () => {
  const dir = mkdtempSync(join(tmpdir(), "topnftpost-cli-"));

  it("fails on bad frontmatter before touching IPFS or the chain, naming the field", async () => {
    const file = join(dir, "no-title.md");
    writeFileSync(file, "---\nsummary: s\nlanguage: en\npublished: 2024-01-01\nedition:\n  price_wei: 1\n---\n\nText.\n");
    const result = await publish([file]);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain("Bad article: title: is required");
    expect(result.stderr).toContain("Nothing was uploaded or published.");
  });

  it("validates command-line overrides the same way", async () => {
    const result = await publish(["scripts/seed/articles/busan-blockchain-week.en.md", "--price-wei=-1"]);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain("edition.price_wei: must not be negative");
  });

  it("explains its usage when the file is missing from the command line", async () => {
    const result = await publish([]);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain("Usage: npm run publish:article -- <file.md>");
  });

  it("says clearly when the chain does not answer", async () => {
    const result = await publish(["scripts/seed/articles/busan-blockchain-week.en.md"]);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('The chain of network "localhost" did not answer');
  });
});
