import { execFile, spawn } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { createServer, type AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";

const run = promisify(execFile);
const root = join(import.meta.dirname, "../..");

const freePort = () =>
  new Promise<number>((resolve) => {
    const server = createServer().listen(0, "127.0.0.1", () => {
      const { port } = server.address() as AddressInfo;
      server.close(() => resolve(port));
    });
  });
const cli = join(import.meta.dirname, "../../scripts/content/publishArticle.ts");

async function publish(args: string[], chainUrl = "http://127.0.0.1:9") {
  try {
    const { stdout, stderr } = await run(process.execPath, [cli, ...args], {
      // Nothing listens here: a command that got past validation would fail on IPFS or the chain.
      env: { ...process.env, IPFS_API_URL: "http://127.0.0.1:9", CHAIN_RPC_URL: chainUrl },
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
    expect(result.stderr).toContain("start it with `npm start`");
    expect(result.stderr.trim().split("\n")).toHaveLength(1);
  });

  it("says in one line, with the command to run, when nothing is deployed on the chain", async () => {
    const port = await freePort();
    const node = spawn(join(root, "node_modules/.bin/hardhat"), ["node", "--hostname", "127.0.0.1", "--port", String(port)], {
      cwd: root,
      stdio: "pipe",
    });
    try {
      await new Promise<void>((resolve, reject) => {
        node.stdout.on("data", (chunk: Buffer) => chunk.toString().includes("Started HTTP") && resolve());
        node.on("exit", () => reject(new Error("hardhat node exited")));
      });
      // A fresh chain: whatever deployments/31337.json says, there is no contract code.
      const result = await publish(["scripts/seed/articles/busan-blockchain-week.en.md"], `http://127.0.0.1:${port}`);
      expect(result.code).toBe(1);
      expect(result.stderr.trim()).toBe("Nothing is deployed on chain 31337 (network localhost): run `npm run deploy -- localhost` first.");
    } finally {
      node.kill();
    }
  });
});
