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
  "2026-11-26-002-publish-runs": {
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable("publish_runs")
        .addColumn("key", "text", (column) => column.primaryKey())
        .addColumn("slug", "text", (column) => column.notNull())
        .addColumn("state", "text", (column) => column.notNull())
        .addColumn("metadata_cid", "text")
        .addColumn("sender", "text")
        .addColumn("nonce", "numeric")
        .addColumn("from_block", "numeric")
        .addColumn("transaction_hash", "text")
        .addColumn("article_id", "numeric")
        .addColumn("lock_owner", "text")
        .addColumn("lock_expires_at", "timestamptz")
        .addColumn("created_at", "timestamptz", (column) => column.notNull().defaultTo(sql`now()`))
        .addColumn("updated_at", "timestamptz", (column) => column.notNull().defaultTo(sql`now()`))
        .execute();
      await db.schema.createIndex("publish_runs_by_slug").on("publish_runs").columns(["slug", "state"]).execute();
      await db.schema
        .createTable("publish_uploads")
        .addColumn("run_key", "text", (column) => column.notNull().references("publish_runs.key"))
        .addColumn("step", "text", (column) => column.notNull())
        .addColumn("cid", "text", (column) => column.notNull())
        .addColumn("detail", "jsonb")
        .addColumn("unpinned", "boolean", (column) => column.notNull().defaultTo(false))
        .addPrimaryKeyConstraint("publish_uploads_pk", ["run_key", "step"])
        .execute();
      await db.schema.createIndex("publish_uploads_by_cid").on("publish_uploads").column("cid").execute();
    },
    async down(db: Kysely<unknown>) {
      await sql`drop table publish_uploads, publish_runs`.execute(db);
    },
  },
  "2026-11-26-003-vote-relay": {
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable("relayed_votes")
        .addColumn("id", "text", (column) => column.primaryKey())
        // One relayed vote per member per proposal of one governor, whatever is replayed.
        .addColumn("ballot_key", "text", (column) => column.notNull().unique())
        .addColumn("voter", "text", (column) => column.notNull())
        .addColumn("proposal_id", "numeric", (column) => column.notNull())
        .addColumn("support", "integer", (column) => column.notNull())
        .addColumn("reason", "text", (column) => column.notNull())
        .addColumn("signature", "text", (column) => column.notNull())
        .addColumn("state", "text", (column) => column.notNull())
        .addColumn("relayer", "text")
        .addColumn("transaction_hash", "text")
        .addColumn("failure", "text")
        .addColumn("created_at", "timestamptz", (column) => column.notNull().defaultTo(sql`now()`))
        .addColumn("updated_at", "timestamptz", (column) => column.notNull().defaultTo(sql`now()`))
        .execute();
      await db.schema
        .createTable("relay_rate_limits")
        .addColumn("key", "text", (column) => column.notNull())
        .addColumn("window_start", "timestamptz", (column) => column.notNull())
        .addColumn("count", "integer", (column) => column.notNull())
        .addPrimaryKeyConstraint("relay_rate_limits_pk", ["key", "window_start"])
        .execute();
      await db.schema.createIndex("relay_rate_limits_by_window").on("relay_rate_limits").column("window_start").execute();
      await db.schema
        .createTable("relay_senders")
        .addColumn("relayer", "text", (column) => column.primaryKey())
        .addColumn("lock_owner", "text")
        .addColumn("lock_expires_at", "timestamptz")
        .execute();
    },
    async down(db: Kysely<unknown>) {
      await sql`drop table relay_senders, relay_rate_limits, relayed_votes`.execute(db);
    },
  },
  "2026-11-26-004-studio": {
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable("studio_writers")
        .addColumn("address", "text", (column) => column.primaryKey())
        .addColumn("added_by", "text", (column) => column.notNull())
        .addColumn("added_at", "timestamptz", (column) => column.notNull().defaultTo(sql`now()`))
        .execute();
      await db.schema
        .createTable("studio_drafts")
        .addColumn("id", "uuid", (column) => column.primaryKey())
        .addColumn("owner", "text", (column) => column.notNull())
        .addColumn("markdown", "text", (column) => column.notNull().defaultTo(""))
        .addColumn("frontmatter", "jsonb", (column) => column.notNull().defaultTo(sql`'{}'::jsonb`))
        .addColumn("state", "text", (column) =>
          column.notNull().defaultTo("draft").check(sql`state in ('draft', 'in_review', 'changes_requested', 'published')`),
        )
        .addColumn("version", "integer", (column) => column.notNull().defaultTo(1))
        .addColumn("created_at", "timestamptz", (column) => column.notNull().defaultTo(sql`now()`))
        .addColumn("updated_at", "timestamptz", (column) => column.notNull().defaultTo(sql`now()`))
        .addColumn("submitted_at", "timestamptz")
        .addColumn("published_article_id", "numeric")
        .execute();
      await db.schema.createIndex("studio_drafts_by_owner").on("studio_drafts").columns(["owner", "updated_at"]).execute();
      await db.schema.createIndex("studio_drafts_by_state").on("studio_drafts").columns(["state", "updated_at"]).execute();
      await db.schema
        .createTable("studio_comments")
        .addColumn("id", "bigserial", (column) => column.primaryKey())
        .addColumn("draft_id", "uuid", (column) => column.notNull().references("studio_drafts.id").onDelete("cascade"))
        .addColumn("author", "text", (column) => column.notNull())
        .addColumn("body", "text", (column) => column.notNull())
        .addColumn("created_at", "timestamptz", (column) => column.notNull().defaultTo(sql`now()`))
        .execute();
      await db.schema.createIndex("studio_comments_by_draft").on("studio_comments").columns(["draft_id", "id"]).execute();
    },
    async down(db: Kysely<unknown>) {
      await sql`drop table studio_comments, studio_drafts, studio_writers`.execute(db);
    },
  },
  "2026-11-27-005-studio-draft-images": {
    async up(db: Kysely<unknown>) {
      // A draft's images live with it in the database (shared by every web server, kept across
      // restarts), never on IPFS before publish; deleting the draft deletes them.
      await db.schema
        .createTable("studio_draft_images")
        .addColumn("draft_id", "uuid", (column) => column.notNull().references("studio_drafts.id").onDelete("cascade"))
        .addColumn("sha256", "text", (column) => column.notNull())
        .addColumn("content_type", "text", (column) =>
          column.notNull().check(sql`content_type in ('image/jpeg', 'image/png', 'image/webp', 'image/gif', 'image/avif')`),
        )
        .addColumn("size", "integer", (column) => column.notNull())
        .addColumn("bytes", "bytea", (column) => column.notNull())
        .addColumn("added_by", "text", (column) => column.notNull())
        .addColumn("created_at", "timestamptz", (column) => column.notNull().defaultTo(sql`now()`))
        .addPrimaryKeyConstraint("studio_draft_images_pk", ["draft_id", "sha256"])
        .execute();
    },
    async down(db: Kysely<unknown>) {
      await sql`drop table studio_draft_images`.execute(db);
    },
  },
  "2026-11-27-006-draft-commission": {
    // The coverage DAO's commission a draft answers (nullable: most drafts answer none).
    async up(db: Kysely<unknown>) {
      await db.schema.alterTable("studio_drafts").addColumn("commission_id", "numeric").execute();
    },
    async down(db: Kysely<unknown>) {
      await db.schema.alterTable("studio_drafts").dropColumn("commission_id").execute();
    },
  },
};
