import { randomUUID } from "node:crypto";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startEmbeddedDatabase } from "../../scripts/db/embeddedDatabase.ts";
import { migrateDatabase, openDatabase } from "../../web/src/db/openDatabase.ts";
import { databaseSessionStore } from "../../web/src/server/stores/databaseSessionStore.ts";
import { databaseUsedNonceStore } from "../../web/src/server/stores/databaseUsedNonceStore.ts";
import { MAX_LIVE_SESSIONS_PER_ADDRESS, type SessionRecord } from "../../web/src/server/stores/sessionStore.ts";
import { startTestDatabase } from "../helpers/testDatabase.ts";

// The sign-in state every server shares, against the embedded database (or CI's Postgres server).

const DAY = 86_400;
const now = () => Math.floor(Date.now() / 1000);
const address = () => `0x${randomUUID().replaceAll("-", "").padEnd(40, "0")}` as `0x${string}`;
const sessionOf = (holder: `0x${string}`, issuedAt = now()): SessionRecord => ({
  id: randomUUID(),
  address: holder,
  issuedAt,
  expiresAt: issuedAt + DAY,
});

let database: Awaited<ReturnType<typeof startTestDatabase>>;
beforeAll(async () => {
  database = await startTestDatabase();
});
afterAll(async () => {
  await database.db.destroy();
  await database.stop();
});

describe("sessions in the shared database", () => {
  it("refuses a logged-out session from then on, also on a second server's connection", async () => {
    const store = databaseSessionStore(database.db);
    const otherServer = openDatabase(database.url);
    const session = sessionOf(address());
    await store.open(session);
    expect(await databaseSessionStore(otherServer).isRevoked(session)).toBe(false);
    await store.revoke(session);
    expect(await databaseSessionStore(otherServer).isRevoked(session)).toBe(true);
    await otherServer.destroy();
  });

  it(`ends the oldest session when an address opens more than ${MAX_LIVE_SESSIONS_PER_ADDRESS}`, async () => {
    const store = databaseSessionStore(database.db);
    const holder = address();
    const sessions = Array.from({ length: MAX_LIVE_SESSIONS_PER_ADDRESS + 1 }, () => sessionOf(holder));
    for (const session of sessions) await store.open(session);
    const [oldest, ...newer] = sessions;
    expect(await store.isRevoked(oldest)).toBe(true);
    for (const session of newer) expect(await store.isRevoked(session)).toBe(false);
  });

  it("keeps a logout refused however many sign-ins follow", async () => {
    const store = databaseSessionStore(database.db);
    const holder = address();
    const loggedOut = sessionOf(holder);
    await store.open(loggedOut);
    await store.revoke(loggedOut);
    for (let i = 0; i < 3 * MAX_LIVE_SESSIONS_PER_ADDRESS; i++) {
      const session = sessionOf(holder);
      await store.open(session);
      await store.revoke(session);
    }
    expect(await store.isRevoked(loggedOut)).toBe(true);
  });

  it("refuses a session it never recorded, or one presented under another address", async () => {
    const store = databaseSessionStore(database.db);
    expect(await store.isRevoked(sessionOf(address()))).toBe(true);
    const session = sessionOf(address());
    await store.open(session);
    expect(await store.isRevoked({ ...session, address: address() })).toBe(true);
  });
});

describe("used sign-in nonces in the shared database", () => {
  it("lets exactly one of many concurrent sign-ins spend a nonce, across connections", async () => {
    const servers = [database.db, openDatabase(database.url), openDatabase(database.url)];
    const nonce = randomUUID();
    const results = await Promise.all(
      Array.from({ length: 9 }, (_, i) => databaseUsedNonceStore(servers[i % servers.length]).markUsed(nonce, now() + 300)),
    );
    expect(results.filter(Boolean)).toHaveLength(1);
    for (const server of servers.slice(1)) await server.destroy();
  });

  it("forgets nonces once they have expired", async () => {
    const store = databaseUsedNonceStore(database.db);
    await store.markUsed("expired-nonce", now() - 1);
    await store.markUsed(randomUUID(), now() + 300);
    const left = await database.db.selectFrom("used_nonces").select("nonce").where("nonce", "=", "expired-nonce").execute();
    expect(left).toEqual([]);
  });
});

describe("the embedded database", () => {
  it("keeps sessions and logouts through a restart of the database", async () => {
    const dataDir = mkdtempSync(join(tmpdir(), "topnftpost-db-"));
    const live = sessionOf(address());
    const loggedOut = sessionOf(address());
    const first = await startEmbeddedDatabase(dataDir, 0);
    const firstDb = openDatabase(first.url);
    await migrateDatabase(firstDb);
    for (const session of [live, loggedOut]) await databaseSessionStore(firstDb).open(session);
    await databaseSessionStore(firstDb).revoke(loggedOut);
    await firstDb.destroy();
    await first.stop();

    const second = await startEmbeddedDatabase(dataDir, 0);
    const secondDb = openDatabase(second.url);
    expect(await migrateDatabase(secondDb)).toEqual([]); // already at the latest schema
    expect(await databaseSessionStore(secondDb).isRevoked(live)).toBe(false);
    expect(await databaseSessionStore(secondDb).isRevoked(loggedOut)).toBe(true);
    await secondDb.destroy();
    await second.stop();
  });
});
