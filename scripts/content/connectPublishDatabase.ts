import { z } from "zod";
import { readEnv } from "../../web/src/config/readEnv.ts";
import { databaseUrl, redactedUrl } from "../../web/src/db/databaseUrl.ts";
import { migrateDatabase, openDatabase } from "../../web/src/db/openDatabase.ts";

const dataEnv = z.object({ TOPNFTPOST_DATA_DIR: z.string().default(".data") });

/**
 * The shared database that publishing keeps its lock and step records in: DATABASE_URL, or the
 * embedded one `npm start` runs. Says what to do when it does not answer.
 */
export async function connectPublishDatabase(env: NodeJS.ProcessEnv = process.env) {
  const url = databaseUrl(readEnv(dataEnv, env).TOPNFTPOST_DATA_DIR, env);
  const db = openDatabase(url);
  try {
    await migrateDatabase(db);
    return db;
  } catch (error) {
    await db.destroy();
    const reason = (error as Error).message.split("\n")[0];
    throw new Error(`The database at ${redactedUrl(url)} did not answer (${reason}); start it with \`npm start\`, or set DATABASE_URL.`);
  }
}
