import { Hono } from "hono";
import { isAddress } from "viem";
import { z } from "zod";
import { libraryOf, owedTo, salesFor } from "../queries/accountQueries.ts";
import type { SqlRunner } from "../sqlRunner.ts";
import { decimalId } from "./decimalId.ts";

const MAX_SALES_IDS = 100;

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
    })
    .get("/accounts/:address/sales", async (c) => {
      const address = c.req.param("address");
      if (!isAddress(address)) return c.json({ error: "not an address" }, 400);
      const ids = z
        .array(decimalId)
        .max(MAX_SALES_IDS)
        .safeParse((c.req.query("ids") ?? "").split(",").filter(Boolean));
      if (!ids.success) return c.json({ error: `ids: at most ${MAX_SALES_IDS} article ids, comma-separated` }, 400);
      return c.json(await salesFor(sql, schema, address, ids.data));
    });
}
