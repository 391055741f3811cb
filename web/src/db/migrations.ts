import { type Kysely, sql } from "kysely";
import type { Migration } from "kysely/migration";

// Versioned schema changes, applied in name order at start by `migrateDatabase`. Never edit one
// that has shipped: add the next.
export const MIGRATIONS: Record<string, Migration> = {
  "2026-11-26-001-sign-in-state": {
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable("used_nonces")
        .addColumn("nonce", "text", (column) => column.primaryKey())
        .addColumn("expires_at", "timestamptz", (column) => column.notNull())
        .execute();
      await db.schema.createIndex("used_nonces_expiry").on("used_nonces").column("expires_at").execute();
      await db.schema
        .createTable("sessions")
        .addColumn("id", "text", (column) => column.primaryKey())
        .addColumn("address", "text", (column) => column.notNull())
        .addColumn("issued_at", "timestamptz", (column) => column.notNull())
        .addColumn("expires_at", "timestamptz", (column) => column.notNull())
        .addColumn("revoked", "boolean", (column) => column.notNull().defaultTo(false))
        .addColumn("opened", "bigserial", (column) => column.notNull())
        .execute();
      await db.schema.createIndex("sessions_by_address").on("sessions").columns(["address", "opened"]).execute();
      await db.schema.createIndex("sessions_expiry").on("sessions").column("expires_at").execute();
    },
    async down(db: Kysely<unknown>) {
      await sql`drop table sessions, used_nonces`.execute(db);
    },
  },
};
