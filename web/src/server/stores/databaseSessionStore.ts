import { type Kysely, sql } from "kysely";
import type { Database } from "../../db/schema.ts";
import { type SessionStore, MAX_LIVE_SESSIONS_PER_ADDRESS } from "./sessionStore.ts";

const at = (seconds: number) => new Date(seconds * 1000);

/**
 * Sessions in the shared database: a logout on one server is seen by every server, also after
 * restarts. A session the database never recorded (its row lost, or a token minted before the
 * database existed) is refused: only a recorded session can be ended, so only those are trusted.
 */
export function databaseSessionStore(db: Kysely<Database>): SessionStore {
  return {
    async open(session) {
      await db
        .insertInto("sessions")
        .values({ id: session.id, address: session.address, issued_at: at(session.issuedAt), expires_at: at(session.expiresAt) })
        .execute();
      // Beyond the cap the oldest live sessions end, and expired rows of the address go.
      await db
        .updateTable("sessions")
        .set({ revoked: true })
        .where("id", "in", (query) =>
          query
            .selectFrom("sessions")
            .select("id")
            .where("address", "=", session.address)
            .where("revoked", "=", false)
            .where("expires_at", ">", sql<Date>`now()`)
            .orderBy("opened", "desc")
            .offset(MAX_LIVE_SESSIONS_PER_ADDRESS),
        )
        .execute();
      await db.deleteFrom("sessions").where("address", "=", session.address).where("expires_at", "<=", sql<Date>`now()`).execute();
    },
    async revoke(session) {
      await db.updateTable("sessions").set({ revoked: true }).where("id", "=", session.id).execute();
    },
    async isRevoked(session) {
      const row = await db.selectFrom("sessions").select(["revoked", "address"]).where("id", "=", session.id).executeTakeFirst();
      return !row || row.revoked || row.address !== session.address;
    },
  };
}
