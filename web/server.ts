// The web app as the stack runs it: Next's own request handler (the one `next start` runs) in a
// plain Node HTTP server, for what Next cannot do: answer a page that could not be built
// because the chain, IPFS or the database is down as a 503, and an unlisted article's page as a
// 410 (see src/server/pageOutcome.ts); and the page cache that answers anonymous readers' page
// views (src/server/pageCache).
import { createServer, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { z } from "zod";
import { port } from "./src/config/envSchemas.ts";
import { readEnv } from "./src/config/readEnv.ts";
import { type PageOutcome, RETRY_AFTER_SECONDS, trackPageOutcome } from "./src/server/pageOutcome.ts";
import { CLIENT_IP_HEADER, clientAddressOf } from "./src/server/clientAddress.ts";
import { createCachedPageServer } from "./src/server/pageCache/cachedPageServer.ts";
import { pageCacheKey } from "./src/server/pageCache/pageCacheKey.ts";

const settings = z.object({
  WEB_PORT: port(3000),
  WEB_HOSTNAME: z.string().default("127.0.0.1"),
  /** How long an anonymous page view is answered from the last render; 0 renders every view. */
  WEB_PAGE_CACHE_MS: z.coerce.number().int().min(0).max(10_000).default(250),
  /** How many proxies in front of this server append to X-Forwarded-For (0: none, use the socket). */
  WEB_TRUSTED_PROXIES: z.coerce.number().int().min(0).max(10).default(0),
});
const { WEB_PORT, WEB_HOSTNAME, WEB_PAGE_CACHE_MS, WEB_TRUSTED_PROXIES } = readEnv(settings, process.env, "Bad web server settings");

// As `next start` does, before Next and React load: their production builds, whatever the caller set.
Object.assign(process.env, { NODE_ENV: "production" });
const { default: next } = await import("next");
const app = next({ dev: false, dir: import.meta.dirname, hostname: WEB_HOSTNAME, port: WEB_PORT });
await app.prepare();
const handle = app.getRequestHandler();

/** Turns the page's 200 into a 503 with Retry-After if it recorded an outage before its head went out. */
function answerOutagesAs503(res: ServerResponse, outcome: PageOutcome) {
  const writeHead = res.writeHead;
  res.writeHead = function (this: ServerResponse, status: number, ...rest: unknown[]) {
    // A page about content taken down on purpose (an unlisted article) is a 410 Gone.
    if (status === 200 && outcome.gone && !outcome.unavailable) {
      return writeHead.call(this, 410, ...(rest.filter((part) => typeof part !== "string") as []));
    }
    if (status !== 200 || !outcome.unavailable) return writeHead.call(this, status, ...(rest as []));
    this.setHeader("Retry-After", String(RETRY_AFTER_SECONDS));
    return writeHead.call(this, 503, ...(rest.filter((part) => typeof part !== "string") as []));
  } as ServerResponse["writeHead"];
}

const nextAnswers = (req: Parameters<typeof handle>[0], res: ServerResponse) =>
  trackPageOutcome((outcome) => {
    answerOutagesAs503(res, outcome);
    return handle(req, res);
  });

const server = createServer((req, res) => {
  req.headers[CLIENT_IP_HEADER] = clientAddressOf(req.socket.remoteAddress, req.headers["x-forwarded-for"], WEB_TRUSTED_PROXIES);
  const key = WEB_PAGE_CACHE_MS > 0 && !pages.isOwnRender(req) ? pageCacheKey(req) : null;
  if (key === null) return nextAnswers(req, res);
  // Should the render request itself fail (the server overloaded), Next answers this one directly.
  pages.serve(key, req, res).catch(() => nextAnswers(req, res));
});
const pages = createCachedPageServer({
  origin: () => {
    // Listening on every interface: loopback reaches it. Otherwise the one address it listens on.
    const { address, port } = server.address() as AddressInfo;
    const host = address === "0.0.0.0" || address === "::" ? "127.0.0.1" : address.includes(":") ? `[${address}]` : address;
    return `http://${host}:${port}`;
  },
  freshMs: WEB_PAGE_CACHE_MS,
  staleMs: 2 * WEB_PAGE_CACHE_MS,
});
server.listen(WEB_PORT, WEB_HOSTNAME, () => console.log(`The web app is listening on http://${WEB_HOSTNAME}:${WEB_PORT}`));
