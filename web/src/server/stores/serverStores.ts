import "server-only";
import { isDatabaseOutage } from "../../db/isDatabaseOutage.ts";
import { serverDatabase } from "../database.ts";
import { ServiceUnavailableError } from "../serviceUnavailable.ts";
import { databaseSessionStore } from "./databaseSessionStore.ts";
import { databaseUsedNonceStore } from "./databaseUsedNonceStore.ts";

function reportOutage(error: unknown): never {
  if (isDatabaseOutage(error)) throw new ServiceUnavailableError("database", "The database did not answer.", { cause: error });
  throw error;
}

/** The store, its calls (and opening it) failing as "database unavailable" when the database is down. */
async function reportingOutages<store extends object>(open: () => Promise<store>): Promise<store> {
  const store = await open().catch(reportOutage);
  const calls = Object.entries(store).map(([name, call]: [string, (...args: unknown[]) => Promise<unknown>]) => [
    name,
    (...args: unknown[]) => call(...args).catch(reportOutage),
  ]);
  return Object.fromEntries(calls) as store;
}

// Both stores live in the shared database, so every server and every restart sees one state.
export const usedNonceStore = () => reportingOutages(async () => databaseUsedNonceStore(await serverDatabase()));
export const sessionStore = () => reportingOutages(async () => databaseSessionStore(await serverDatabase()));
