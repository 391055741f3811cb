// The web app as the stack runs it: Next's own request handler (the one `next start` runs) in a
// plain Node HTTP server, for what Next cannot do: answer a page that could not be built
// because the chain, IPFS or the database is down as a 503, and an unlisted article's page as a
// 410 (see src/server/pageOutcome.ts).
import { createServer, type ServerResponse } from "node:http";
import { z } from "zod";
import { port } from "./src/config/envSchemas.ts";
import { readEnv } from "./src/config/readEnv.ts";
import { type PageOutcome, RETRY_AFTER_SECONDS, trackPageOutcome } from "./src/server/pageOutcome.ts";

const settings = z.object({ WEB_PORT: port(3000), WEB_HOSTNAME: z.string().default("127.0.0.1") });
const { WEB_PORT, WEB_HOSTNAME } = readEnv(settings, process.env, "Bad web server settings");

// As `next start` does, before Next and React load: their production builds, whatever the caller set.
Object.assign(process.env, { NODE_ENV: "production" });
const { default: next } = await import("next");
const app = next({ dev: false, dir: import.meta.dirname, hostname: WEB_HOSTNAME, port: WEB_PORT });
await app.prepare();
const handle = app.getRequestHandler();

/** Turns the page's 200 into a 503 with Retry-After if it recorded an outage before its head went out. */
function answerOutagesAs503(res: ServerResponse, outcome: PageOutcome) {
  const writeHead = res.writeHead;
  res.writeHead = function (this: ServerResponse, status: number, ...rest: unknown[]) {
    // A page about content taken down on purpose (an unlisted article) is a 410 Gone.
    if (status === 200 && outcome.gone && !outcome.unavailable) {
      return writeHead.call(this, 410, ...(rest.filter((part) => typeof part !== "string") as []));
    }
    if (status !== 200 || !outcome.unavailable) return writeHead.call(this, status, ...(rest as []));
    this.setHeader("Retry-After", String(RETRY_AFTER_SECONDS));
    return writeHead.call(this, 503, ...(rest.filter((part) => typeof part !== "string") as []));
  } as ServerResponse["writeHead"];
}

createServer((req, res) =>
  trackPageOutcome((outcome) => {
    answerOutagesAs503(res, outcome);
    return handle(req, res);
  }),
).listen(WEB_PORT, WEB_HOSTNAME, () => console.log(`The web app is listening on http://${WEB_HOSTNAME}:${WEB_PORT}`));
