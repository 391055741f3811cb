import { type SessionRecord, type SessionStore, MAX_LIVE_SESSIONS_PER_ADDRESS } from "./sessionStore.ts";

interface Tracked {
  id: string;
  issuedAt: number;
  expiresAt: number;
  revoked: boolean;
}

interface AddressSessions {
  /** Oldest first; at most MAX_LIVE_SESSIONS_PER_ADDRESS, logged-out ones included until they expire. */
  sessions: Tracked[];
  /**
   * Sessions of this address issued at or before this second and not listed are refused: the
   * oldest were pushed out to keep the list short, and this one number remembers all of them.
   */
  pushedOutThrough: number;
}

const SWEEP_EVERY_SECONDS = 60;

/**
 * Sessions in this process's memory. A token this server has not seen (signed by another server
 * with the shared key, or before a restart) stays valid unless it was revoked here: revocations
 * are what is kept. Memory stays bounded by address: each keeps a short list and one number.
 *
 * @param maxLifetimeSeconds the longest a token lives (SESSION_TTL_SECONDS): after that, a
 *   pushed-out mark covers only expired tokens and can be forgotten.
 */
export function memorySessionStore(maxLifetimeSeconds: number, now = () => Date.now() / 1000): SessionStore {
  const byAddress = new Map<string, AddressSessions>();
  let nextSweep = 0;

  function prune(address: string, entry: AddressSessions, time: number) {
    entry.sessions = entry.sessions.filter((session) => session.expiresAt > time);
    if (entry.sessions.length === 0 && entry.pushedOutThrough + maxLifetimeSeconds <= time) byAddress.delete(address);
  }

  /** The address's entry, pruned; every address is pruned now and then so that idle ones go too. */
  function entryFor(address: string) {
    const time = now();
    if (time >= nextSweep) {
      nextSweep = time + SWEEP_EVERY_SECONDS;
      for (const [other, entry] of byAddress) prune(other, entry, time);
    }
    const found = byAddress.get(address);
    if (found) prune(address, found, time);
    let entry = byAddress.get(address);
    if (!entry) byAddress.set(address, (entry = { sessions: [], pushedOutThrough: -Infinity }));
    return entry;
  }

  function track(entry: AddressSessions, session: SessionRecord, revoked: boolean) {
    const after = entry.sessions.findLastIndex((other) => other.issuedAt <= session.issuedAt);
    entry.sessions.splice(after + 1, 0, { id: session.id, issuedAt: session.issuedAt, expiresAt: session.expiresAt, revoked });
    while (entry.sessions.length > MAX_LIVE_SESSIONS_PER_ADDRESS) {
      const oldest = entry.sessions.shift()!;
      entry.pushedOutThrough = Math.max(entry.pushedOutThrough, oldest.issuedAt);
    }
  }

  return {
    async open(session) {
      track(entryFor(session.address), session, false);
    },
    async revoke(session) {
      const entry = entryFor(session.address);
      const listed = entry.sessions.find((other) => other.id === session.id);
      if (listed) listed.revoked = true;
      else if (session.issuedAt > entry.pushedOutThrough) track(entry, session, true);
    },
    async isRevoked(session) {
      const entry = byAddress.get(session.address);
      if (!entry) return false;
      const listed = entry.sessions.find((other) => other.id === session.id);
      return listed ? listed.revoked : session.issuedAt <= entry.pushedOutThrough;
    },
  };
}
