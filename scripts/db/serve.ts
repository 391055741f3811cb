// `npm run db`: the embedded database in the foreground (npm start runs it as a service). Data in
// `$TOPNFTPOST_DATA_DIR/db` (default .data/db), served on 127.0.0.1:$DATABASE_PORT (default 5433).
import { join } from "node:path";
import { z } from "zod";
import { port } from "../../web/src/config/envSchemas.ts";
import { readEnv } from "../../web/src/config/readEnv.ts";
import { startEmbeddedDatabase } from "./embeddedDatabase.ts";

const settings = z.object({ TOPNFTPOST_DATA_DIR: z.string().default(join(import.meta.dirname, "../../.data")), DATABASE_PORT: port(5433) });
const { TOPNFTPOST_DATA_DIR: dataDir, DATABASE_PORT } = readEnv(settings, process.env, "Bad database settings");

const database = await startEmbeddedDatabase(dataDir, DATABASE_PORT);
console.log(`Embedded database (PGlite) serving ${database.url}, data in ${join(dataDir, "db")}`);

let stopping = false;
for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.on(signal, async () => {
    if (stopping) return;
    stopping = true;
    // Closing lets PGlite finish what it is writing; a kill -9 instead relies on Postgres's WAL.
    await database.stop();
    process.exit(0);
  });
}
