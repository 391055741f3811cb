import { type Kysely, sql } from "kysely";
import type { Database } from "../../db/schema.ts";
import type { UsedNonceStore } from "./usedNonceStore.ts";

/** Used nonces in the shared database: a nonce signs in once across every server and restart. */
export function databaseUsedNonceStore(db: Kysely<Database>): UsedNonceStore {
  return {
    async markUsed(nonce, expiresAt) {
      // The primary key decides between two concurrent sign-ins with one nonce: one row, one winner.
      const inserted = await db
        .insertInto("used_nonces")
        .values({ nonce, expires_at: new Date(expiresAt * 1000) })
        .onConflict((conflict) => conflict.column("nonce").doNothing())
        .returning("nonce")
        .executeTakeFirst();
      await db.deleteFrom("used_nonces").where("expires_at", "<=", sql<Date>`now()`).execute();
      return inserted !== undefined;
    },
  };
}
