import { Hono } from "hono";
import { indexStatus, listTiers, passById } from "../queries/publicationQueries.ts";
import type { SqlRunner } from "../sqlRunner.ts";
import { decimalId } from "./decimalId.ts";

export function publicationRoutes(sql: SqlRunner, schema: string) {
  return new Hono()
    .get("/tiers", async (c) => c.json(await listTiers(sql, schema)))
    .get("/passes/:tokenId", async (c) => {
      const id = decimalId.safeParse(c.req.param("tokenId"));
      if (!id.success) return c.json({ error: "not a token id" }, 400);
      const found = await passById(sql, schema, id.data);
      return found ? c.json(found) : c.json({ error: "no such pass" }, 404);
    })
    .get("/index-status", async (c) => {
      const status = await indexStatus(sql, schema);
      return status ? c.json(status) : c.json({ error: "the index has not started" }, 503);
    });
}
