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

/** How many articles carry a premium part (a data key to move), as their metadata on IPFS says. */
async function premiumArticles() {
  const count = await stack.publicClient.readContract({ address: stack.editions, abi: articleEditionsAbi, functionName: "articleCount" });
  let premium = 0;
  for (let id = 1n; id <= count; id++) {
    const [uri] = await stack.publicClient.readContract({
      address: stack.editions,
      abi: articleEditionsAbi,
      functionName: "article",
      args: [id],
    });
    const metadata = await (await fetch(`${stack.ipfsGateway}/ipfs/${uri.replace("ipfs://", "")}`)).json();
    if (metadata.properties?.premium) premium += 1;
  }
  return { count, premium };
}

test("rotating the master key revises every premium article and keeps reading working", async () => {
  const keyDir = join(stack.dataDir, "keys");
  const keyFile = join(keyDir, "content-master.key");
  const oldKey = readFileSync(keyFile, "utf8");
  const uriBefore = (
    await stack.publicClient.readContract({ address: stack.editions, abi: articleEditionsAbi, functionName: "article", args: [3n] })
  )[0];

  const { count, premium } = await premiumArticles();
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
  // Every premium article the seed and the tests published; the free ones have no key to move.
  expect(premium).toBeGreaterThan(0);
  expect(premium).toBeLessThan(Number(count));
  expect(stdout).toContain(`Re-wrapped ${premium} of ${count} articles`);
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
