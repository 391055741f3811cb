import { type Kysely, sql } from "kysely";
import type { Database } from "../../db/schema.ts";
import type { RelayLimits } from "./relayConfig.ts";

export interface RateVerdict {
  allowed: boolean;
  /** Which limit was hit. */
  by?: "address" | "ip";
  /** Seconds until the window that was full ends. */
  retryAfterSeconds: number;
}

/**
 * Counts one request against a key in the current fixed window (of the database's clock, so every
 * server agrees) and says how many it has made in it, the increment and the read being one statement.
 */
async function count(db: Kysely<Database>, key: string, windowSeconds: number) {
  const windowStart = sql<Date>`to_timestamp(floor(extract(epoch from now()) / ${windowSeconds}) * ${windowSeconds})`;
  const row = await db
    .insertInto("relay_rate_limits")
    .values({ key, window_start: windowStart, count: 1 })
    .onConflict((conflict) => conflict.columns(["key", "window_start"]).doUpdateSet({ count: sql`relay_rate_limits.count + 1` }))
    .returning(["count", sql<string>`ceil(extract(epoch from window_start + make_interval(secs => ${windowSeconds}) - now()))`.as("left")])
    .executeTakeFirstOrThrow();
  return { count: row.count, left: Math.max(1, Number(row.left)) };
}

/** Counts a vote request against its voter's and its client's limits; every request counts, refused or not. */
export async function countVoteRequest(db: Kysely<Database>, limits: RelayLimits, voter: string, ip: string): Promise<RateVerdict> {
  const [byAddress, byIp] = await Promise.all([
    count(db, `address:${voter.toLowerCase()}`, limits.windowSeconds),
    count(db, `ip:${ip}`, limits.windowSeconds),
  ]);
  // Old windows are of no use: whoever comes by now and then clears them.
  if (Math.random() < 0.02)
    await db.deleteFrom("relay_rate_limits").where("window_start", "<", sql<Date>`now() - interval '1 day'`).execute();
  if (byAddress.count > limits.perAddress) return { allowed: false, by: "address", retryAfterSeconds: byAddress.left };
  if (byIp.count > limits.perIp) return { allowed: false, by: "ip", retryAfterSeconds: byIp.left };
  return { allowed: true, retryAfterSeconds: 0 };
}
