import "server-only";
import { serverConfig } from "@/server/serverConfig.ts";
import { memorySessionStore } from "./memorySessionStore.ts";
import { memoryUsedNonceStore } from "./memoryUsedNonceStore.ts";
import type { SessionStore } from "./sessionStore.ts";
import type { UsedNonceStore } from "./usedNonceStore.ts";

interface ServerStores {
  usedNonces: UsedNonceStore;
  sessions: SessionStore;
}

// On globalThis, not in a module variable: Next.js bundles route handlers and pages apart and
// would give each its own copy, so a logout in one route would go unseen by the gate in another.
const KEY = Symbol.for("topnftpost.serverStores");
const holder = globalThis as { [KEY]?: ServerStores };

/**
 * The state this server keeps: in its own memory for now, so each server has its own and a
 * restart forgets it. Moving both to the shared database is the next step (see README).
 */
function serverStores() {
  return (holder[KEY] ??= {
    usedNonces: memoryUsedNonceStore(),
    sessions: memorySessionStore(serverConfig().SESSION_TTL_SECONDS),
  });
}

export const usedNonceStore = () => serverStores().usedNonces;
export const sessionStore = () => serverStores().sessions;
