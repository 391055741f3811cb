import { execFile } from "node:child_process";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { promisify } from "node:util";
import { expect, test } from "@playwright/test";
import { articleEditionsAbi, LOCAL_CHAIN_ID } from "../../web/src/generated/contracts.ts";
import { signIn } from "../helpers/siweClient.ts";
import { LEVEL_TWO_PREMIUM_SENTENCE, testAccount, webStack } from "./webStack.ts";

// `npm run rotate:master-key` against the running stack: every premium article moves to a new
// master key, and the live web server keeps serving premium text without a restart.

const stack = webStack();
const root = join(import.meta.dirname, "../..");

/** Seeded articles without a premium part (they have no data key to move). */
const freeSeedArticles = () =>
  ["scripts/seed/articles", "scripts/seed/dao"]
    .flatMap((dir) => readdirSync(join(root, dir)).map((file) => join(root, dir, file)))
    .filter((file) => file.endsWith(".md") && !readFileSync(file, "utf8").includes("<!-- premium -->")).length;

test("rotating the master key revises every premium article and keeps reading working", async () => {
  const keyDir = join(stack.dataDir, "keys");
  const keyFile = join(keyDir, "content-master.key");
  const oldKey = readFileSync(keyFile, "utf8");
  const uriBefore = (
    await stack.publicClient.readContract({ address: stack.editions, abi: articleEditionsAbi, functionName: "article", args: [3n] })
  )[0];

  const { stdout } = await promisify(execFile)(process.execPath, [join(root, "scripts/content/rotateMasterKey.ts")], {
    env: {
      ...process.env,
      CHAIN_RPC_URL: stack.rpcUrl,
      IPFS_API_URL: stack.ipfsApi,
      IPFS_GATEWAY_URL: stack.ipfsGateway,
      CONTENT_KEY_FILE: keyFile,
      CONTENT_DATA_DIR: join(stack.dataDir, "content"),
    },
  });
  // Every article the seed and the tests published but the free seeded ones, which have no key to move.
  const articles = await stack.publicClient.readContract({
    address: stack.editions,
    abi: articleEditionsAbi,
    functionName: "articleCount",
  });
  const free = BigInt(freeSeedArticles());
  expect(free).toBeGreaterThan(0n);
  expect(stdout).toContain(`Re-wrapped ${articles - free} of ${articles} articles`);
  expect(readFileSync(keyFile, "utf8")).not.toBe(oldKey);
  expect(readdirSync(keyDir).filter((file) => file.endsWith(".retired.key"))).toHaveLength(1);
  expect(existsSync(join(keyDir, "content-master.next.key"))).toBe(false);
  const uriAfter = (
    await stack.publicClient.readContract({ address: stack.editions, abi: articleEditionsAbi, functionName: "article", args: [3n] })
  )[0];
  expect(uriAfter).not.toBe(uriBefore);

  const cookie = await signIn(testAccount(3).account, { baseUrl: stack.siteUrl, chainId: LOCAL_CHAIN_ID });
  const response = await fetch(`${stack.siteUrl}/api/articles/3/premium`, { headers: { cookie } });
  expect(response.status).toBe(200);
  expect(await response.text()).toContain(LEVEL_TWO_PREMIUM_SENTENCE);
});
