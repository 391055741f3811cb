import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { startLocalStack } from "../../scripts/stack/localStack.ts";
import { publishFixture } from "./publishFixture.ts";

/** Starts the real local stack once for all browser and gate tests, in a throwaway data folder. */
export default async function globalSetup() {
  const dataDir = mkdtempSync(join(tmpdir(), "topnftpost-web-"));
  const stack = await startLocalStack({
    dataDir,
    ports: { chain: 0, ipfsApi: 0, ipfsGateway: 0, ipfsSwarm: 0, database: 0, indexer: 0, web: 0 },
    web: { distDir: ".next-test", testWallet: true },
    quiet: true,
    log: (line) => console.log(`[stack] ${line}`),
  });
  // An article that tries to run script, published like any other through the publish CLI.
  await publishFixture({ ...stack, dataDir }, "script-injection.en.md").catch(async (error) => {
    await stack.stop();
    throw error;
  });
  process.env.TOPNFTPOST_TEST_STACK = JSON.stringify({
    rpcUrl: stack.rpcUrl,
    siteUrl: stack.siteUrl,
    ipfsApi: stack.ipfsApi,
    ipfsGateway: stack.ipfsGateway,
    indexerUrl: stack.indexerUrl,
    dataDir,
    databaseUrl: stack.databaseUrl,
  });
  return async () => {
    await stack.stop();
  };
}
