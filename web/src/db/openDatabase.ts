import { Kysely, PostgresDialect } from "kysely";
import { Migrator } from "kysely/migration";
import pg from "pg";
import { MIGRATIONS } from "./migrations.ts";
import type { Database } from "./schema.ts";

/**
 * A connection pool to the publication's database through one driver (`pg`), whether it is the
 * embedded PGlite that `npm start` serves over the Postgres protocol or a Postgres server.
 */
export function openDatabase(url: string, options: { maxConnections?: number; timeoutMs?: number } = {}) {
  const pool = new pg.Pool({
    connectionString: url,
    max: options.maxConnections ?? 4,
    connectionTimeoutMillis: options.timeoutMs ?? 5_000,
    // A dead database must fail a request within the timeout, never hang it.
    query_timeout: options.timeoutMs ?? 5_000,
  });
  // An idle connection that breaks (the database restarted) is dropped, not thrown at the process.
  pool.on("error", () => {});
  return new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
}

/** Brings the schema up to the latest migration; safe to run from several processes at once. */
export async function migrateDatabase(db: Kysely<Database>) {
  const migrator = new Migrator({ db, provider: { getMigrations: async () => MIGRATIONS } });
  const { error, results = [] } = await migrator.migrateToLatest();
  if (error) {
    const failed = results.find((result) => result.status === "Error")?.migrationName;
    throw new Error(`The database migration ${failed ?? ""} failed: ${(error as Error).message ?? error}`);
  }
  return results.filter((result) => result.status === "Success").map((result) => result.migrationName);
}
