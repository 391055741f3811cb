import { mkdirSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { PGLiteSocketServer } from "@electric-sql/pglite-socket";
import { embeddedUrlFile } from "../../web/src/db/databaseUrl.ts";

// Every process of the stack (web servers, the CLI, tests) holds a small pool; PGlite runs one
// query at a time anyway, so this only bounds how many may wait.
const MAX_CONNECTIONS = 64;

/**
 * Postgres compiled to WebAssembly (PGlite), its data in `<dataDir>/db/pgdata`, served over the
 * Postgres wire protocol on 127.0.0.1 so every process connects with the same driver as to a
 * Postgres server. Writes the URL to `<dataDir>/db/url` for commands started later.
 * @param dataDir the stack's data folder; `null` keeps the data in memory (tests).
 */
export async function startEmbeddedDatabase(dataDir: string | null, port: number) {
  const folder = dataDir && join(dataDir, "db");
  if (folder) mkdirSync(folder, { recursive: true });
  const db = await PGlite.create(folder ? { dataDir: join(folder, "pgdata") } : {});
  const server = new PGLiteSocketServer({ db, host: "127.0.0.1", port, maxConnections: MAX_CONNECTIONS });
  await server.start();
  const url = `postgres://postgres@127.0.0.1:${(server as unknown as { port: number }).port}/postgres`;
  if (dataDir) {
    // Written whole, then renamed: a reader never sees half a URL.
    const file = embeddedUrlFile(dataDir);
    writeFileSync(`${file}.tmp`, `${url}\n`);
    renameSync(`${file}.tmp`, file);
  }
  return {
    url,
    async stop() {
      await server.stop();
      await db.close();
      if (dataDir) rmSync(embeddedUrlFile(dataDir), { force: true });
    },
  };
}
