import type { IncomingHttpHeaders } from "node:http";
import { localeOf } from "../../i18n/locales.ts";
import { LOCALE_COOKIE, SESSION_COOKIE } from "../cookieNames.ts";

// Which requests the page cache may answer, and under what key. Only pages whose HTML depends on
// nothing but their URL and the reader's language: a signed-in reader (the session cookie changes
// the masthead and the article gate's answer) and Next's client-side requests (RSC payloads,
// server actions, prefetches) always go to Next itself.

const CACHED_PAGES = [/^\/$/, /^\/articles\/[^/]+$/, /^\/search$/, /^\/membership$/, /^\/dao$/, /^\/dao\/proposals\/\d+$/];
const NEXT_CLIENT_HEADERS = ["rsc", "next-action", "next-router-state-tree", "next-router-prefetch", "next-router-segment-prefetch"];

export interface PageRequest {
  method?: string;
  url?: string;
  headers: IncomingHttpHeaders;
}

function cookieValue(cookieHeader: string | undefined, name: string) {
  for (const part of (cookieHeader ?? "").split(";")) {
    const at = part.indexOf("=");
    if (at > 0 && part.slice(0, at).trim() === name) return part.slice(at + 1).trim();
  }
  return undefined;
}

/** The cache key of an anonymous page view ("<locale> <path?query>"), or null to let Next answer. */
export function pageCacheKey(request: PageRequest): string | null {
  if (request.method !== "GET" && request.method !== "HEAD") return null;
  if (!request.url?.startsWith("/")) return null;
  const url = new URL(request.url, "http://page.cache");
  if (!CACHED_PAGES.some((page) => page.test(url.pathname)) || url.searchParams.has("_rsc")) return null;
  if (NEXT_CLIENT_HEADERS.some((name) => request.headers[name] !== undefined)) return null;
  if (request.headers.authorization !== undefined) return null;
  const cookies = request.headers.cookie;
  if (cookieValue(cookies, SESSION_COOKIE)) return null;
  const locale = localeOf(cookieValue(cookies, LOCALE_COOKIE), request.headers["accept-language"]);
  return `${locale} ${url.pathname}${url.search}`;
}

/** The language part of a key: what the cache's own request for the page sends as its language cookie. */
export const localeOfKey = (key: string) => key.slice(0, key.indexOf(" "));
/** The path-and-query part of a key. */
export const pathOfKey = (key: string) => key.slice(key.indexOf(" ") + 1);
