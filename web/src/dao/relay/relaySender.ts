import { type Kysely, sql } from "kysely";
import type { Address } from "viem";
import type { Database } from "../../db/schema.ts";
import { isGoneLocally, newLockOwner } from "../../publishing/publishLock.ts";

/** A sender that stalls holds the lock no longer than this; a send takes well under a second. */
const LEASE_SECONDS = 30;
const POLL_MS = 50;

/**
 * Runs `send` while holding the relayer account's lock, a lease row in the database, so that every
 * web server sends the relayer's transactions one at a time: each reads the next nonce and has its
 * transaction accepted before the next one starts. (A row, not an advisory lock: the embedded
 * database serves every client over one session.)
 */
export async function withRelayerLock<T>(db: Kysely<Database>, relayer: Address, send: () => Promise<T>): Promise<T> {
  const key = relayer.toLowerCase();
  const owner = newLockOwner();
  const lease = sql<Date>`now() + make_interval(secs => ${LEASE_SECONDS})`;
  for (;;) {
    const taken = await db
      .insertInto("relay_senders")
      .values({ relayer: key, lock_owner: owner, lock_expires_at: lease })
      .onConflict((conflict) =>
        conflict
          .column("relayer")
          .doUpdateSet({ lock_owner: owner, lock_expires_at: lease })
          .where((eb) => eb.or([eb("relay_senders.lock_owner", "is", null), eb("relay_senders.lock_expires_at", "<", sql<Date>`now()`)])),
      )
      .returning("relayer")
      .executeTakeFirst();
    if (taken) break;
    const holder = (await db.selectFrom("relay_senders").select("lock_owner").where("relayer", "=", key).executeTakeFirst())?.lock_owner;
    if (holder && isGoneLocally(holder)) {
      await db.updateTable("relay_senders").set({ lock_owner: null }).where("relayer", "=", key).where("lock_owner", "=", holder).execute();
      continue;
    }
    await new Promise((resolve) => setTimeout(resolve, POLL_MS));
  }
  try {
    return await send();
  } finally {
    await db
      .updateTable("relay_senders")
      .set({ lock_owner: null, lock_expires_at: null })
      .where("relayer", "=", key)
      .where("lock_owner", "=", owner)
      .execute();
  }
}
