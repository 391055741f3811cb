import { Hono } from "hono";
import { z } from "zod";
import { articleByDigest, articleBySlug, articleFacts, articleRevisions, articlesByIds, listArticles } from "../queries/articleQueries.ts";
import { articlePageBySlug } from "../queries/articlePageQuery.ts";
import type { SqlRunner } from "../sqlRunner.ts";
import { decimalId } from "./decimalId.ts";

const MAX_PAGE = 100;
const pageQuery = z.object({
  section: z.string().min(1).optional(),
  tag: z.string().min(1).optional(),
  language: z.string().min(1).optional(),
  cursor: decimalId.optional(),
  limit: z.coerce.number().int().min(1).max(MAX_PAGE).default(10),
});

export function articleRoutes(sql: SqlRunner, schema: string) {
  return new Hono()
    .get("/articles", async (c) => {
      const query = pageQuery.safeParse(c.req.query());
      if (!query.success) return c.json({ error: query.error.issues[0]!.message }, 400);
      return c.json(await listArticles(sql, schema, query.data));
    })
    .get("/articles/by-ids", async (c) => {
      const ids = z
        .array(decimalId)
        .max(MAX_PAGE)
        .safeParse((c.req.query("ids") ?? "").split(",").filter(Boolean));
      if (!ids.success) return c.json({ error: `ids: at most ${MAX_PAGE} article ids, comma-separated` }, 400);
      return c.json(await articlesByIds(sql, schema, ids.data));
    })
    .get("/articles/by-digest/:digest", async (c) => {
      const digest = c.req.param("digest");
      if (!/^[0-9a-f]{64}$/.test(digest)) return c.json({ error: "not a content digest (64 hex characters)" }, 400);
      const found = await articleByDigest(sql, schema, digest);
      return found ? c.json(found) : c.json({ error: "no listed article has this content digest" }, 404);
    })
    .get("/articles/by-slug/:slug/page", async (c) => {
      const found = await articlePageBySlug(sql, schema, c.req.param("slug"));
      return found ? c.json(found) : c.json({ error: "no listed article has this slug" }, 404);
    })
    .get("/articles/by-slug/:slug", async (c) => {
      const found = await articleBySlug(sql, schema, c.req.param("slug"));
      return found ? c.json(found) : c.json({ error: "no listed article has this slug" }, 404);
    })
    .get("/articles/:id/revisions", async (c) => {
      const id = decimalId.safeParse(c.req.param("id"));
      if (!id.success) return c.json({ error: "not an article id" }, 400);
      return c.json(await articleRevisions(sql, schema, id.data));
    })
    .get("/articles/:id", async (c) => {
      const id = decimalId.safeParse(c.req.param("id"));
      if (!id.success) return c.json({ error: "not an article id" }, 400);
      const facts = await articleFacts(sql, schema, id.data);
      return facts ? c.json(facts) : c.json({ error: "no such article in the index" }, 404);
    });
}
