import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { z } from "zod";
import { url } from "../config/envSchemas.ts";
import { readEnv } from "../config/readEnv.ts";

const databaseEnv = z.object({ DATABASE_URL: url("postgres://user:password@db.example.org:5432/topnftpost").optional() });

/** Where the embedded database (scripts/db/serve.ts) writes the URL it serves on. */
export const embeddedUrlFile = (dataDir: string) => join(dataDir, "db", "url");

/**
 * The database every process shares: `DATABASE_URL` when set (a Postgres server), else the
 * embedded one that `npm start` runs for `dataDir`. Says what to do when there is neither.
 */
export function databaseUrl(dataDir: string, env: NodeJS.ProcessEnv = process.env) {
  const { DATABASE_URL } = readEnv(databaseEnv, env, "Bad database settings");
  if (DATABASE_URL) return DATABASE_URL;
  const file = embeddedUrlFile(dataDir);
  if (existsSync(file)) return readFileSync(file, "utf8").trim();
  throw new Error("No database: start the local publication with `npm start` (it runs one), or set DATABASE_URL to a Postgres server.");
}

/** A database URL fit for a log line or an error: its password is never printed. */
export function redactedUrl(url: string) {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = "***";
    return parsed.toString();
  } catch {
    return "(an unparsable DATABASE_URL)";
  }
}
