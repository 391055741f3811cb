import { AsyncLocalStorage } from "node:async_hooks";
import type { Service } from "./serviceUnavailable.ts";

// Next's app router lets a page answer 404, 403 or 401, but not 503. A page that could not be
// built because a service is down records that here, and the web server (web/server.ts),
// which runs every request in this storage, sends the page as a 503. Kept on globalThis: Next's
// bundle and the server each load this file as a module of their own.

/** How long a reader is asked to wait before trying again after an outage (the Retry-After header). */
export const RETRY_AFTER_SECONDS = 30;

export interface PageOutcome {
  /** The service whose outage the page shows, if any. */
  unavailable?: Service;
  /** The page says its content was taken down on purpose (an unlisted article): a 410 Gone. */
  gone?: boolean;
}

const KEY = Symbol.for("topnftpost.pageOutcome");
const holder = globalThis as { [KEY]?: AsyncLocalStorage<PageOutcome> };
const storage = (holder[KEY] ??= new AsyncLocalStorage<PageOutcome>());

/** Runs one request's handling with an outcome of its own, which `run` receives. */
export function trackPageOutcome<result>(run: (outcome: PageOutcome) => result): result {
  const outcome: PageOutcome = {};
  return storage.run(outcome, () => run(outcome));
}

/** Asks for this request's page to be answered as a 503 (a no-op outside web/server.ts). */
export function answerUnavailable(service: Service) {
  const outcome = storage.getStore();
  if (outcome) outcome.unavailable = service;
}

/** Asks for this request's page to be answered as a 410 Gone (a no-op outside web/server.ts). */
export function answerGone() {
  const outcome = storage.getStore();
  if (outcome) outcome.gone = true;
}
