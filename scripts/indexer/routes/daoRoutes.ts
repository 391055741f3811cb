import { Hono } from "hono";
import { isAddress } from "viem";
import { z } from "zod";
import { bountiesOf, listProposals, openCommissions, proposalById } from "../queries/daoQueries.ts";
import type { SqlRunner } from "../sqlRunner.ts";
import { decimalId } from "./decimalId.ts";

const limit = z.coerce.number().int().min(1).max(200).default(50);

export function daoRoutes(sql: SqlRunner, schema: string) {
  return new Hono()
    .get("/dao/proposals", async (c) => {
      const parsed = limit.safeParse(c.req.query("limit"));
      if (!parsed.success) return c.json({ error: "limit must be a whole number from 1 to 200" }, 400);
      return c.json(await listProposals(sql, schema, parsed.data));
    })
    .get("/dao/proposals/:id", async (c) => {
      const id = decimalId.safeParse(c.req.param("id"));
      if (!id.success) return c.json({ error: "not a proposal id" }, 400);
      const found = await proposalById(sql, schema, id.data);
      return found ? c.json(found) : c.json({ error: "no such proposal" }, 404);
    })
    .get("/dao/commissions/open", async (c) => c.json(await openCommissions(sql, schema)))
    .get("/dao/bounties/:address", async (c) => {
      const address = c.req.param("address");
      if (!isAddress(address)) return c.json({ error: "not an address" }, 400);
      return c.json(await bountiesOf(sql, schema, address));
    });
}
