import { Hono } from "hono";
import { z } from "zod";
import { searchTerms } from "../../../web/src/search/searchGrams.ts";
import { highestArticleId, sectionCounts, sitemapEntries, storyVersions } from "../queries/catalogQueries.ts";
import { perCatalogVersion } from "../queries/catalogVersion.ts";
import { searchArticles } from "../queries/searchQueries.ts";
import type { SqlRunner } from "../sqlRunner.ts";
import { decimalId } from "./decimalId.ts";

const MAX_PAGE = 100;
/** What one sitemap file may hold (sitemaps.org). */
export const MAX_SITEMAP_URLS = 50_000;

const searchQuery = z.object({
  q: z.string().max(1_000),
  cursor: decimalId.optional(),
  limit: z.coerce.number().int().min(1).max(MAX_PAGE).default(10),
});
const sitemapQuery = z
  .object({ from: decimalId, to: decimalId })
  .refine(({ from, to }) => to > from && to - from <= BigInt(MAX_SITEMAP_URLS), `to - from: 1 to ${MAX_SITEMAP_URLS} ids`);
const slug = z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, "must be a slug");

/** What readers expect of an archive: search, the sections of the whole catalog, sitemaps, translations. */
export function catalogRoutes(sql: SqlRunner, schema: string) {
  // Counting every listed article takes 0.1 s at 10,000: done once per change, not per request.
  const countsOf = perCatalogVersion(sql, schema, (language) => sectionCounts(sql, schema, language || undefined));
  return new Hono()
    .get("/search", async (c) => {
      const query = searchQuery.safeParse(c.req.query());
      if (!query.success) return c.json({ error: query.error.issues[0]!.message }, 400);
      const terms = searchTerms(query.data.q);
      if ("problem" in terms) return c.json({ error: `q: ${terms.problem}`, problem: terms.problem }, 400);
      return c.json(await searchArticles(sql, schema, { terms: terms.terms, cursor: query.data.cursor, limit: query.data.limit }));
    })
    .get("/sections", async (c) => {
      const language = z.enum(["ko", "en"]).optional().safeParse(c.req.query("language"));
      if (!language.success) return c.json({ error: "language: ko or en" }, 400);
      return c.json(await countsOf(language.data ?? ""));
    })
    .get("/sitemap", async (c) => c.json({ highestId: (await highestArticleId(sql, schema)).toString() }))
    .get("/sitemap/entries", async (c) => {
      const range = sitemapQuery.safeParse(c.req.query());
      if (!range.success) return c.json({ error: range.error.issues[0]!.message }, 400);
      return c.json(await sitemapEntries(sql, schema, range.data.from, range.data.to));
    })
    .get("/stories/:slug", async (c) => {
      const story = slug.safeParse(c.req.param("slug"));
      if (!story.success) return c.json({ error: "not a slug" }, 400);
      return c.json(await storyVersions(sql, schema, story.data));
    });
}
