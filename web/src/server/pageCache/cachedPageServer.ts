import { randomBytes } from "node:crypto";
import type { IncomingMessage, ServerResponse } from "node:http";
import { gzipSync } from "node:zlib";
import { LOCALE_COOKIE } from "../cookieNames.ts";
import { createPageCache, type RenderedPage } from "./pageCache.ts";
import { localeOfKey, pathOfKey } from "./pageCacheKey.ts";

// The page cache inside the web server: a page it does not hold is rendered by asking this same
// server for it over loopback (as an anonymous reader of the key's language), with a header only
// this process knows, so that request goes straight to Next and nobody outside can skip the cache
// or pass for the cache.

const RENDER_HEADER = "x-topnftpost-page-render";
/** Set per hop or by how this server sends the body, never copied from the rendered answer. */
const NOT_COPIED = new Set(["connection", "keep-alive", "transfer-encoding", "content-length", "content-encoding", "date", "set-cookie"]);

export interface CachedPageServerOptions {
  /** Where this server listens, e.g. http://127.0.0.1:3000 (read once it listens). */
  origin: () => string;
  freshMs: number;
  staleMs: number;
  maxEntries?: number;
}

async function fetchRendered(url: string, locale: string, secret: string): Promise<RenderedPage> {
  const response = await fetch(url, {
    headers: { [RENDER_HEADER]: secret, cookie: `${LOCALE_COOKIE}=${locale}`, "accept-encoding": "identity" },
    redirect: "manual",
  });
  const body = Buffer.from(await response.arrayBuffer());
  // One entry per cookie: a page that sets any is never kept, but is passed on as it came.
  const cookies = response.headers.getSetCookie().map((cookie): [string, string] => ["set-cookie", cookie]);
  const headers = [...response.headers].filter(([name]) => !NOT_COPIED.has(name));
  return { status: response.status, headers: [...headers, ...cookies], body };
}

export function createCachedPageServer({ origin, freshMs, staleMs, maxEntries = 256 }: CachedPageServerOptions) {
  const secret = randomBytes(16).toString("hex");
  const gzipped = new WeakMap<RenderedPage, Buffer>();
  const cache = createPageCache({
    freshMs,
    staleMs,
    maxEntries,
    render: (key) => fetchRendered(`${origin()}${pathOfKey(key)}`, localeOfKey(key), secret),
  });

  return {
    /** True for this server's own render requests, which Next must answer itself. */
    isOwnRender: (request: IncomingMessage) => request.headers[RENDER_HEADER] === secret,

    /** Answers the request from the cache (rendering the page if needed). */
    async serve(key: string, request: IncomingMessage, response: ServerResponse) {
      const { page, state } = await cache.get(key);
      const acceptsGzip = /\bgzip\b/.test(String(request.headers["accept-encoding"] ?? ""));
      let body = page.body;
      if (acceptsGzip && body.length > 1024) {
        body = gzipped.get(page) ?? gzipSync(page.body);
        gzipped.set(page, body);
        response.setHeader("content-encoding", "gzip");
      }
      for (const [name, value] of page.headers) if (name !== "set-cookie") response.setHeader(name, value);
      const cookies = page.headers.filter(([name]) => name === "set-cookie").map(([, value]) => value);
      if (cookies.length > 0) response.setHeader("set-cookie", cookies);
      response.setHeader("x-page-cache", state);
      response.setHeader("content-length", body.length);
      response.writeHead(page.status);
      response.end(request.method === "HEAD" ? undefined : body);
    },
  };
}
