import { randomBytes } from "node:crypto";
import { hostname } from "node:os";
import { type Kysely, sql } from "kysely";
import type { Database } from "../db/schema.ts";

/** How long a lock outlives its holder's last sign of life; renewed at a third of it. */
const LEASE_SECONDS = 30;
const POLL_MS = 500;

/** `<pid>@<host>#<random>`: enough to tell, on the same machine, that the holder is gone. */
export const newLockOwner = () => `${process.pid}@${hostname()}#${randomBytes(4).toString("hex")}`;

/** True when `owner` ran on this machine in a process that no longer exists (killed, crashed). */
export function isGoneLocally(owner: string) {
  const match = /^(\d+)@(.*)#[0-9a-f]+$/.exec(owner);
  if (!match || match[2] !== hostname()) return false;
  try {
    process.kill(Number(match[1]), 0);
    return false;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "ESRCH";
  }
}

export interface PublishLock {
  owner: string;
  /** Throws when the lease was lost (this process stalled past it): nothing more may be written. */
  assertHeld(): void;
  release(): Promise<void>;
}

/**
 * Takes the publish lock of one content digest, creating its run on first use. Waits while another
 * publish holds it (saying so once); takes over at once from a holder on this machine that died,
 * and from any holder whose lease ran out.
 */
export async function acquirePublishLock(
  db: Kysely<Database>,
  run: { key: string; slug: string },
  onWait: (holder: string) => void = () => {},
): Promise<PublishLock> {
  const owner = newLockOwner();
  const lease = sql<Date>`now() + make_interval(secs => ${LEASE_SECONDS})`;
  let toldWaiting = false;
  for (;;) {
    const taken = await db
      .insertInto("publish_runs")
      .values({ key: run.key, slug: run.slug, state: "uploading", lock_owner: owner, lock_expires_at: lease })
      .onConflict((conflict) =>
        conflict
          .column("key")
          .doUpdateSet({ lock_owner: owner, lock_expires_at: lease })
          .where((eb) => eb.or([eb("publish_runs.lock_owner", "is", null), eb("publish_runs.lock_expires_at", "<", sql<Date>`now()`)])),
      )
      .returning("key")
      .executeTakeFirst();
    if (taken) break;
    const holder = (await db.selectFrom("publish_runs").select("lock_owner").where("key", "=", run.key).executeTakeFirst())?.lock_owner;
    if (holder && isGoneLocally(holder)) {
      await db.updateTable("publish_runs").set({ lock_owner: null }).where("key", "=", run.key).where("lock_owner", "=", holder).execute();
      continue;
    }
    if (holder && !toldWaiting) {
      onWait(holder);
      toldWaiting = true;
    }
    await new Promise((resolve) => setTimeout(resolve, POLL_MS));
  }

  let lost = false;
  const renewal = setInterval(
    async () => {
      const renewed = await db
        .updateTable("publish_runs")
        .set({ lock_expires_at: lease })
        .where("key", "=", run.key)
        .where("lock_owner", "=", owner)
        .executeTakeFirst()
        .catch(() => null); // the database may be back before the lease ends
      if (renewed && renewed.numUpdatedRows === 0n) lost = true;
    },
    (LEASE_SECONDS * 1000) / 3,
  );
  renewal.unref();
  return {
    owner,
    assertHeld() {
      if (lost) throw new Error("This publish lost its lock to another run (it stalled past the lease); nothing more was sent.");
    },
    async release() {
      clearInterval(renewal);
      await db
        .updateTable("publish_runs")
        .set({ lock_owner: null, lock_expires_at: null })
        .where("key", "=", run.key)
        .where("lock_owner", "=", owner)
        .execute();
    },
  };
}
