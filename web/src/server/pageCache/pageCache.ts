// A micro-cache of rendered anonymous pages, the way newsrooms put one in front of their CMS: each
// page is rendered at most once per `freshMs` per language however many readers ask, so the front
// page costs the same at ten readers a second as at a thousand. Past `freshMs` and up to
// `staleMs`, readers get the last copy at once while one render runs behind it; older than that,
// they wait for the render (one render per page, shared). Only a 200 without cookies is kept.

export interface RenderedPage {
  status: number;
  headers: [string, string][];
  body: Buffer;
}

export type CacheState = "hit" | "stale" | "miss";

export interface PageCacheOptions {
  freshMs: number;
  staleMs: number;
  maxEntries: number;
  render: (key: string) => Promise<RenderedPage>;
  now?: () => number;
}

/** Pages bigger than this are not kept (a page is tens of KB; this bounds memory at maxEntries × it). */
const MAX_BODY_BYTES = 1024 * 1024;

export const isKeepable = (page: RenderedPage) =>
  page.status === 200 && page.body.length <= MAX_BODY_BYTES && !page.headers.some(([name]) => name.toLowerCase() === "set-cookie");

export function createPageCache({ freshMs, staleMs, maxEntries, render, now = Date.now }: PageCacheOptions) {
  const kept = new Map<string, { at: number; page: RenderedPage }>();
  const rendering = new Map<string, Promise<RenderedPage>>();

  function renderOnce(key: string) {
    let pending = rendering.get(key);
    if (!pending) {
      const startedAt = now();
      pending = render(key)
        .then((page) => {
          kept.delete(key);
          if (isKeepable(page)) {
            if (kept.size >= maxEntries) kept.delete(kept.keys().next().value!);
            kept.set(key, { at: startedAt, page });
          }
          return page;
        })
        .finally(() => rendering.delete(key));
      rendering.set(key, pending);
    }
    return pending;
  }

  return {
    async get(key: string): Promise<{ page: RenderedPage; state: CacheState }> {
      const last = kept.get(key);
      const age = last ? now() - last.at : Number.POSITIVE_INFINITY;
      if (last && age < freshMs) return { page: last.page, state: "hit" };
      if (last && age < staleMs) {
        // A failed render leaves the last copy in place until it is too old.
        renderOnce(key).catch(() => {});
        return { page: last.page, state: "stale" };
      }
      return { page: await renderOnce(key), state: "miss" };
    },
    get size() {
      return kept.size;
    },
  };
}
