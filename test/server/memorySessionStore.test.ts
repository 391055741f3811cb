import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { memorySessionStore } from "../../web/src/server/stores/memorySessionStore.ts";
import { MAX_LIVE_SESSIONS_PER_ADDRESS, type SessionRecord } from "../../web/src/server/stores/sessionStore.ts";

// The in-memory store on a clock the test moves: what it refuses, and for how long.

const DAY = 86_400;
const READER = "0x70997970C51812dc3A010C7d01b50e0d17dc79C8";

function storeWithClock(start = 1_800_000_000) {
  const clock = { now: start };
  return { clock, store: memorySessionStore(DAY, () => clock.now) };
}

const sessionAt = (issuedAt: number): SessionRecord => ({ id: randomUUID(), address: READER, issuedAt, expiresAt: issuedAt + DAY });

describe("the in-memory session store", () => {
  it("refuses a logged-out session until it expires, however much else happens meanwhile", async () => {
    const { clock, store } = storeWithClock();
    const loggedOut = sessionAt(clock.now);
    await store.open(loggedOut);
    await store.revoke(loggedOut);
    for (let i = 0; i < 3 * MAX_LIVE_SESSIONS_PER_ADDRESS; i++) {
      clock.now += 60;
      const session = sessionAt(clock.now);
      await store.open(session);
      await store.revoke(session);
    }
    clock.now = loggedOut.expiresAt - 1;
    expect(await store.isRevoked(loggedOut)).toBe(true);
  });

  it(`ends the oldest session when an address opens more than ${MAX_LIVE_SESSIONS_PER_ADDRESS}`, async () => {
    const { clock, store } = storeWithClock();
    const sessions = Array.from({ length: MAX_LIVE_SESSIONS_PER_ADDRESS + 1 }, (_, i) => sessionAt(clock.now + i));
    for (const session of sessions) await store.open(session);
    const [oldest, ...newer] = sessions;
    expect(await store.isRevoked(oldest)).toBe(true);
    for (const session of newer) expect(await store.isRevoked(session)).toBe(false);
  });

  it("accepts a session it never saw (another server's, or from before a restart) until it is logged out here", async () => {
    const { clock, store } = storeWithClock();
    const elsewhere = sessionAt(clock.now - 3_600);
    await store.open(sessionAt(clock.now));
    expect(await store.isRevoked(elsewhere)).toBe(false);
    await store.revoke(elsewhere);
    expect(await store.isRevoked(elsewhere)).toBe(true);
  });
});
