import { execFile } from "node:child_process";
import { join } from "node:path";
import { promisify } from "node:util";

const root = join(import.meta.dirname, "../..");

interface StackEndpoints {
  rpcUrl: string;
  ipfsApi: string;
  ipfsGateway: string;
  siteUrl: string;
  dataDir: string;
}

/** Publishes `test/web/fixtures/<file>` to the test stack through the publish CLI, as an editor would. */
export async function publishFixture(stack: StackEndpoints, file: string) {
  await promisify(execFile)(process.execPath, [join(root, "scripts/content/publishArticle.ts"), join(root, "test/web/fixtures", file)], {
    env: {
      ...process.env,
      CHAIN_RPC_URL: stack.rpcUrl,
      IPFS_API_URL: stack.ipfsApi,
      IPFS_GATEWAY_URL: stack.ipfsGateway,
      CONTENT_KEY_FILE: join(stack.dataDir, "keys", "content-master.key"),
      CONTENT_DATA_DIR: join(stack.dataDir, "content"),
      PUBLIC_SITE_URL: stack.siteUrl,
    },
  });
}
