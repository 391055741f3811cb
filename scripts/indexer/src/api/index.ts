// The indexer's HTTP side. Ponder's own `/health`, `/ready` and `/status`; SQL over HTTP for tools
// (`/sql/*`); and the typed reads the web app makes (web/src/indexer/createIndexReader.ts). With a
// Postgres server, more `ponder serve` processes can answer these beside the one `ponder start`.
import { db } from "ponder:api";
import schema from "ponder:schema";
import { Hono } from "hono";
import { client } from "ponder";
import pg from "pg";
import { indexerSettings } from "../../indexerSettings.ts";
import { startPreviewFetcher } from "../../metadata/startPreviewFetcher.ts";
import { startMetadataFetcher } from "../../metadata/startMetadataFetcher.ts";
import { accountRoutes } from "../../routes/accountRoutes.ts";
import { articleRoutes } from "../../routes/articleRoutes.ts";
import { catalogRoutes } from "../../routes/catalogRoutes.ts";
import { daoRoutes } from "../../routes/daoRoutes.ts";
import { publicationRoutes } from "../../routes/publicationRoutes.ts";
import type { SqlRunner } from "../../sqlRunner.ts";

const settings = indexerSettings();

// Ponder's `db` is read-only on Postgres, so the metadata fetcher writes through a pool of its
// own there; with PGlite there is one connection, Ponder's, which queues behind its transactions.
const sql: SqlRunner =
  settings.database.kind === "postgres"
    ? (() => {
        const pool = new pg.Pool({ connectionString: settings.database.url, max: 4 });
        pool.on("error", () => {});
        return (text, params) => pool.query(text, params) as never;
      })()
    : (text, params) => (db as unknown as { $client: { query: SqlRunner } }).$client.query(text, params);

// `ponder serve` replicas only read; the one `ponder start` also fetches metadata.
if (process.argv.includes("start")) {
  startMetadataFetcher({ sql, schema: settings.schema, gateway: settings.gateway });
  startPreviewFetcher({ sql, gateway: settings.gateway });
}

const app = new Hono();
app.use("/sql/*", client({ db, schema }));
app.route("/", articleRoutes(sql, settings.schema));
app.route("/", accountRoutes(sql, settings.schema));
app.route("/", publicationRoutes(sql, settings.schema));
app.route("/", catalogRoutes(sql, settings.schema));
app.route("/", daoRoutes(sql, settings.schema));

export default app;
