import { Hono } from "hono";
import { z } from "zod";
import { articleBySlug, articleFacts, listArticles } from "../queries/articleQueries.ts";
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
    .get("/articles/by-slug/:slug", async (c) => {
      const found = await articleBySlug(sql, schema, c.req.param("slug"));
      return found ? c.json(found) : c.json({ error: "no listed article has this slug" }, 404);
    })
    .get("/articles/:id", async (c) => {
      const id = decimalId.safeParse(c.req.param("id"));
      if (!id.success) return c.json({ error: "not an article id" }, 400);
      const facts = await articleFacts(sql, schema, id.data);
      return facts ? c.json(facts) : c.json({ error: "no such article in the index" }, 404);
    });
}
