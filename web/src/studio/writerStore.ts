import type { Kysely } from "kysely";
import type { Database } from "../db/schema.ts";

// The writers list the editors manage on /studio/team. Addresses are stored EIP-55 checksummed.

export async function isWriter(db: Kysely<Database>, address: string) {
  return (await db.selectFrom("studio_writers").select("address").where("address", "=", address).executeTakeFirst()) !== undefined;
}

export async function listWriters(db: Kysely<Database>) {
  return db.selectFrom("studio_writers").select(["address", "added_by", "added_at"]).orderBy("added_at").execute();
}

/** Adds a writer; adding one already listed changes nothing. */
export async function addWriter(db: Kysely<Database>, address: string, addedBy: string) {
  await db
    .insertInto("studio_writers")
    .values({ address, added_by: addedBy })
    .onConflict((conflict) => conflict.column("address").doNothing())
    .execute();
}

export async function removeWriter(db: Kysely<Database>, address: string) {
  const result = await db.deleteFrom("studio_writers").where("address", "=", address).executeTakeFirst();
  return result.numDeletedRows > 0n;
}
