import { Hono } from "hono";
import { isAddress } from "viem";
import { libraryOf, owedTo } from "../queries/accountQueries.ts";
import type { SqlRunner } from "../sqlRunner.ts";

export function accountRoutes(sql: SqlRunner, schema: string) {
  return new Hono()
    .get("/accounts/:address/library", async (c) => {
      const address = c.req.param("address");
      if (!isAddress(address)) return c.json({ error: "not an address" }, 400);
      return c.json(await libraryOf(sql, schema, address));
    })
    .get("/accounts/:address/owed", async (c) => {
      const address = c.req.param("address");
      if (!isAddress(address)) return c.json({ error: "not an address" }, 400);
      return c.json(await owedTo(sql, schema, address));
    });
}
