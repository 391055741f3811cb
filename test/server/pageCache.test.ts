import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { createCachedPageServer } from "../../web/src/server/pageCache/cachedPageServer.ts";
import { createPageCache, type RenderedPage } from "../../web/src/server/pageCache/pageCache.ts";
import { pageCacheKey } from "../../web/src/server/pageCache/pageCacheKey.ts";

const page = (body: string, status = 200, headers: [string, string][] = []): RenderedPage => ({
  status,
  headers: [["content-type", "text/html"], ...headers],
  body: Buffer.from(body),
});

describe("which page views the cache answers", () => {
  const get = (url: string, headers: Record<string, string> = {}) => pageCacheKey({ method: "GET", url, headers });

  it("keys anonymous page views by language and URL", () => {
    expect(get("/")).toBe("en /");
    expect(get("/?section=economy&before=20", { "accept-language": "ko-KR,ko;q=0.9" })).toBe("ko /?section=economy&before=20");
    expect(get("/articles/busan", { cookie: "wagmi.store=x; topnftpost_lang=ko", "accept-language": "en" })).toBe("ko /articles/busan");
    expect(pageCacheKey({ method: "HEAD", url: "/dao/proposals/3", headers: {} })).toBe("en /dao/proposals/3");
  });

  it("leaves signed-in readers, in-app navigation, writes and other routes to Next", () => {
    expect(get("/", { cookie: "topnftpost_lang=ko; topnftpost_session=eyJ" })).toBeNull();
    expect(get("/articles/busan", { rsc: "1" })).toBeNull();
    expect(get("/articles/busan?_rsc=abc")).toBeNull();
    expect(get("/", { "next-router-prefetch": "1" })).toBeNull();
    expect(get("/", { authorization: "Bearer x" })).toBeNull();
    expect(pageCacheKey({ method: "POST", url: "/", headers: {} })).toBeNull();
    for (const url of ["/library", "/studio", "/studio/drafts/1", "/api/articles/1/premium", "/dao/new", "/feed.xml", "/articles/a/b"]) {
      expect(get(url), url).toBeNull();
    }
  });
});

describe("the page cache", () => {
  let clock = 0;
  const renders: string[] = [];
  const cacheRendering = (answer: (key: string, count: number) => Promise<RenderedPage>) =>
    createPageCache({
      freshMs: 250,
      staleMs: 1_000,
      maxEntries: 2,
      now: () => clock,
      render: (key) => {
        renders.push(key);
        return answer(key, renders.length);
      },
    });
  afterEach(() => {
    clock = 0;
    renders.length = 0;
  });

  it("renders a page once for readers who ask at the same time, and answers from it while fresh", async () => {
    const cache = cacheRendering(async (_key, count) => page(`render ${count}`));
    const answers = await Promise.all(Array.from({ length: 10 }, () => cache.get("en /")));
    expect(renders).toEqual(["en /"]);
    expect(new Set(answers.map((answer) => answer.page.body.toString()))).toEqual(new Set(["render 1"]));
    clock = 200;
    expect(await cache.get("en /")).toMatchObject({ state: "hit" });
    expect(renders).toHaveLength(1);
  });

  it("keeps one copy per language", async () => {
    const cache = cacheRendering(async (key) => page(key));
    expect((await cache.get("en /")).page.body.toString()).toBe("en /");
    expect((await cache.get("ko /")).page.body.toString()).toBe("ko /");
  });

  it("serves the last copy at once while one new render runs, then the new one", async () => {
    let finish = () => {};
    const cache = cacheRendering((_key, count) =>
      count === 1 ? Promise.resolve(page("old")) : new Promise((resolve) => (finish = () => resolve(page("new")))),
    );
    await cache.get("en /");
    clock = 500;
    const during = await Promise.all([cache.get("en /"), cache.get("en /")]);
    expect(during.map((answer) => [answer.state, answer.page.body.toString()])).toEqual([
      ["stale", "old"],
      ["stale", "old"],
    ]);
    expect(renders).toHaveLength(2);
    finish();
    await new Promise((resolve) => setImmediate(resolve));
    expect((await cache.get("en /")).page.body.toString()).toBe("new");
  });

  it("makes readers wait for a new render once the copy is too old", async () => {
    const cache = cacheRendering(async (_key, count) => page(`render ${count}`));
    await cache.get("en /");
    clock = 1_000;
    expect(await cache.get("en /")).toMatchObject({ state: "miss" });
    expect(renders).toHaveLength(2);
  });

  it("never keeps an outage page, an error or a page that sets a cookie", async () => {
    const answers = [page("down", 503), page("gone", 404), page("hello", 200, [["set-cookie", "a=b"]])];
    const cache = cacheRendering(async (_key, count) => answers[count - 1]);
    for (const expected of answers) {
      const { page: got, state } = await cache.get("en /");
      expect([got.status, state]).toEqual([expected.status, "miss"]);
    }
    expect(cache.size).toBe(0);
  });

  it("holds at most maxEntries pages", async () => {
    const cache = cacheRendering(async (key) => page(key));
    for (const key of ["en /?a", "en /?b", "en /?c"]) await cache.get(key);
    expect(cache.size).toBe(2);
  });
});

describe("the page cache in a web server", () => {
  let server: Server | undefined;
  afterEach(() => new Promise((resolve) => (server ? server.close(resolve) : resolve(undefined))));

  /** A stand-in for Next: a page naming its language and how many times it was rendered. */
  async function serveWithCache() {
    let rendered = 0;
    server = createServer((request, response) => {
      if (!pages.isOwnRender(request)) return pages.serve(pageCacheKey(request)!, request, response);
      rendered += 1;
      response.setHeader("content-type", "text/html");
      response.end(`<p>${request.headers.cookie} render ${rendered}</p>`.padEnd(4_000, " "));
    });
    const pages = createCachedPageServer({
      origin: () => `http://127.0.0.1:${(server!.address() as AddressInfo).port}`,
      freshMs: 60_000,
      staleMs: 60_000,
    });
    await new Promise<void>((resolve) => server!.listen(0, "127.0.0.1", resolve));
    return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  }

  it("answers readers from one render, in their language, compressed when they accept it", async () => {
    const origin = await serveWithCache();
    const first = await fetch(`${origin}/`, { headers: { "accept-language": "ko" } });
    expect(first.headers.get("x-page-cache")).toBe("miss");
    expect(await first.text()).toContain("topnftpost_lang=ko render 1");
    const second = await fetch(`${origin}/`, { headers: { "accept-language": "ko" } });
    expect(second.headers.get("x-page-cache")).toBe("hit");
    expect(second.headers.get("content-encoding")).toBe("gzip");
    expect(await second.text()).toContain("render 1");
    const english = await fetch(`${origin}/`);
    expect(await english.text()).toContain("topnftpost_lang=en render 2");
  });

  it("does not let an outsider pass for the cache's own render request", async () => {
    const origin = await serveWithCache();
    await fetch(`${origin}/`);
    const forged = await fetch(`${origin}/`, { headers: { "x-topnftpost-page-render": "0".repeat(32) } });
    expect(forged.headers.get("x-page-cache")).toBe("hit");
    expect(await forged.text()).toContain("render 1");
  });

  it("answers HEAD with the page's headers and no body", async () => {
    const origin = await serveWithCache();
    const head = await fetch(`${origin}/`, { method: "HEAD" });
    expect(head.status).toBe(200);
    expect(head.headers.get("content-type")).toBe("text/html");
    expect(await head.text()).toBe("");
  });
});
