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

/** Old windows are of no use: whoever comes by now and then clears them. */
async function clearOldWindows(db: Kysely<Database>) {
  if (Math.random() < 0.02)
    await db.deleteFrom("relay_rate_limits").where("window_start", "<", sql<Date>`now() - interval '1 day'`).execute();
}

/** Counts a request against its client's limit: every request counts, refused or not. */
export async function countClientRequest(db: Kysely<Database>, limits: RelayLimits, ip: string): Promise<RateVerdict> {
  const byIp = await count(db, `ip:${ip}`, limits.windowSeconds);
  await clearOldWindows(db);
  if (byIp.count > limits.perIp) return { allowed: false, by: "ip", retryAfterSeconds: byIp.left };
  return { allowed: true, retryAfterSeconds: 0 };
}

/**
 * Counts a vote the voter's own signature is good for against the voter's limit. Only such votes
 * count: anyone can name any address, and requests that merely name a member must not use up
 * that member's gasless votes.
 */
export async function countVoterRequest(db: Kysely<Database>, limits: RelayLimits, voter: string): Promise<RateVerdict> {
  const byAddress = await count(db, `address:${voter.toLowerCase()}`, limits.windowSeconds);
  if (byAddress.count > limits.perAddress) return { allowed: false, by: "address", retryAfterSeconds: byAddress.left };
  return { allowed: true, retryAfterSeconds: 0 };
}
