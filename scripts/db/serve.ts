// `npm run db`: the embedded database in the foreground (npm start runs it as a service). Data in
// `$TOPNFTPOST_DATA_DIR/db` (default .data/db), served on 127.0.0.1:$DATABASE_PORT (default 5433).
import { join } from "node:path";
import { startEmbeddedDatabase } from "./embeddedDatabase.ts";

const dataDir = process.env.TOPNFTPOST_DATA_DIR || join(import.meta.dirname, "../../.data");
const port = Number(process.env.DATABASE_PORT || 5433);

const database = await startEmbeddedDatabase(dataDir, port);
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
