import { type ChildProcess, spawn } from "node:child_process";
import { join } from "node:path";
import type { LocalStack } from "../../stack/localStack.ts";
import { choosePort, waitFor } from "../../stack/processes.ts";

const root = join(import.meta.dirname, "../../..");

/**
 * A new web server process from the stack's production build, reaching the chain and the IPFS
 * gateway through `chainUrl` and `gatewayUrl` (counting proxies), started cold: its caches empty.
 * `pageCacheMs` overrides its page cache (0: every page view rendered).
 */
export async function startFreshWebServer(stack: LocalStack, chainUrl: string, gatewayUrl: string, pageCacheMs?: number) {
  const port = await choosePort(0);
  const child: ChildProcess = spawn(process.execPath, [join(root, "web/server.ts")], {
    env: {
      ...process.env,
      ...stack.webEnv,
      CHAIN_RPC_URL: chainUrl,
      IPFS_GATEWAY_URL: gatewayUrl,
      WEB_PORT: String(port),
      WEB_HOSTNAME: "127.0.0.1",
      ...(pageCacheMs === undefined ? {} : { WEB_PAGE_CACHE_MS: String(pageCacheMs) }),
    },
    stdio: "ignore",
    detached: true,
  });
  const url = `http://127.0.0.1:${port}`;
  await waitFor("The fresh web server", async () => (await fetch(`${url}/api/health`)).ok, 60_000);
  return {
    url,
    stop() {
      try {
        process.kill(-child.pid!, "SIGKILL");
      } catch {}
    },
  };
}
