import { randomBytes } from "node:crypto";
import pg from "pg";
import { startEmbeddedDatabase } from "../../scripts/db/embeddedDatabase.ts";
import { migrateDatabase, openDatabase } from "../../web/src/db/openDatabase.ts";

/**
 * A fresh, migrated database for one test file: a new database on the Postgres server at
 * TEST_DATABASE_URL when CI provides one, else an embedded PGlite served on a free port, the
 * way `npm start` serves it, with its data in memory.
 */
export async function startTestDatabase() {
  const server = process.env.TEST_DATABASE_URL;
  if (!server) {
    const embedded = await startEmbeddedDatabase(null, 0);
    return { url: embedded.url, kind: "embedded PGlite", ...(await migrated(embedded.url)), stop: embedded.stop };
  }
  const url = await newDatabaseOn(server);
  return { url, kind: "Postgres server", ...(await migrated(url)), stop: async () => {} };
}

/** Creates an empty database with a fresh name on the Postgres server at `server`; returns its URL. */
export async function newDatabaseOn(server: string) {
  const name = `topnftpost_test_${randomBytes(6).toString("hex")}`;
  const admin = new pg.Client({ connectionString: server });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const url = new URL(server);
  url.pathname = `/${name}`;
  return url.toString();
}

async function migrated(url: string) {
  const db = openDatabase(url);
  await migrateDatabase(db);
  return { db };
}
