import "server-only";
import type { Kysely } from "kysely";
import { databaseUrl } from "../db/databaseUrl.ts";
import { migrateDatabase, openDatabase } from "../db/openDatabase.ts";
import type { Database } from "../db/schema.ts";
import { dataDir } from "./dataDir.ts";
import { serverConfig } from "./serverConfig.ts";

// On globalThis: Next.js bundles route handlers and pages apart, and they must share one pool.
const KEY = Symbol.for("topnftpost.database");
const holder = globalThis as { [KEY]?: Promise<Kysely<Database>> };

/** The shared database, migrated to the latest schema on first use by this server. */
export function serverDatabase() {
  holder[KEY] ??= (async () => {
    const db = openDatabase(databaseUrl(dataDir()), { timeoutMs: serverConfig().CHAIN_TIMEOUT_MS });
    await migrateDatabase(db);
    return db;
  })().catch((error) => {
    holder[KEY] = undefined; // try again on the next request: the database may come back
    throw error;
  });
  return holder[KEY];
}
