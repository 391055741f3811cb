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

async function fetchRendered(url: string, locale: string, secret: string): Promise<RenderedPage & { cookies: string[] }> {
  const response = await fetch(url, {
    headers: { [RENDER_HEADER]: secret, cookie: `${LOCALE_COOKIE}=${locale}`, "accept-encoding": "identity" },
    redirect: "manual",
  });
  const body = Buffer.from(await response.arrayBuffer());
  const cookies = response.headers.getSetCookie();
  const headers = [...response.headers].filter(([name]) => !NOT_COPIED.has(name));
  if (cookies.length > 0) headers.push(["set-cookie", cookies.join(", ")]);
  return { status: response.status, headers, body, cookies };
}

export function createCachedPageServer({ origin, freshMs, staleMs, maxEntries = 256 }: CachedPageServerOptions) {
  const secret = randomBytes(16).toString("hex");
  const gzipped = new WeakMap<RenderedPage, Buffer>();
  const cookiesOf = new WeakMap<RenderedPage, string[]>();
  const cache = createPageCache({
    freshMs,
    staleMs,
    maxEntries,
    render: async (key) => {
      const page = await fetchRendered(`${origin()}${pathOfKey(key)}`, localeOfKey(key), secret);
      cookiesOf.set(page, page.cookies);
      return page;
    },
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
      const cookies = cookiesOf.get(page);
      if (cookies?.length) response.setHeader("set-cookie", cookies);
      response.setHeader("x-page-cache", state);
      response.setHeader("content-length", body.length);
      response.writeHead(page.status);
      response.end(request.method === "HEAD" ? undefined : body);
    },
  };
}
