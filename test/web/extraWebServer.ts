import { spawn } from "node:child_process";
import { join } from "node:path";
import { choosePort, waitFor } from "../../scripts/stack/processes.ts";
import { webStack } from "./webStack.ts";

const root = join(import.meta.dirname, "../..");

/**
 * A second web server from the same test build, with some settings changed (an IPFS gateway or
 * chain RPC that does not answer), to see what readers get when a part of the stack is down.
 */
export async function startExtraWebServer(overrides: Record<string, string>) {
  const stack = webStack();
  const port = await choosePort(0);
  const child = spawn(join(root, "node_modules/.bin/node"), [join(root, "web/server.ts")], {
    env: {
      ...process.env,
      PATH: `${join(root, "node_modules/.bin")}:${process.env.PATH}`,
      WEB_PORT: String(port),
      WEB_HOSTNAME: "127.0.0.1",
      NEXT_DIST_DIR: ".next-test",
      TOPNFTPOST_DATA_DIR: stack.dataDir,
      CONTENT_KEY_FILE: join(stack.dataDir, "keys", "content-master.key"),
      CHAIN_RPC_URL: stack.rpcUrl,
      IPFS_GATEWAY_URL: stack.ipfsGateway,
      INDEXER_URL: stack.indexerUrl,
      IPFS_TIMEOUT_MS: "1000",
      CHAIN_TIMEOUT_MS: "1000",
      PUBLIC_SITE_URL: stack.siteUrl,
      ...overrides,
    },
    stdio: "ignore",
    detached: true,
  });
  const url = `http://127.0.0.1:${port}`;
  await waitFor("The extra web server", async () => (await fetch(`${url}/api/auth/nonce`)).ok, 30_000);
  return {
    url,
    stop: () => {
      try {
        process.kill(-child.pid!, "SIGTERM");
      } catch {}
    },
  };
}
