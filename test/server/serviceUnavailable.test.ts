import { sql } from "kysely";
import { ContractFunctionRevertedError, createPublicClient, http, InvalidAddressError } from "viem";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { choosePort } from "../../scripts/stack/processes.ts";
import { ContentError } from "../../web/src/content/contentError.ts";
import { isDatabaseOutage } from "../../web/src/db/isDatabaseOutage.ts";
import { openDatabase } from "../../web/src/db/openDatabase.ts";
import { articleEditionsAbi } from "../../web/src/generated/contracts.ts";
import { ServiceUnavailableError, unavailableService } from "../../web/src/server/serviceUnavailable.ts";
import { startTestDatabase } from "../helpers/testDatabase.ts";

// Only a service that did not answer may become "503, try again"; what it answered (a revert, bad
// content, a refused query) and plain bugs stay what they are.

const nobodyListens = async () => `http://127.0.0.1:${await choosePort(0)}`;

/** A real viem read against a port where nothing listens, with its real error. */
async function chainReadError() {
  const client = createPublicClient({ transport: http(await nobodyListens(), { retryCount: 0, timeout: 1_000 }) });
  return client
    .readContract({ address: "0x0000000000000000000000000000000000000001", abi: articleEditionsAbi, functionName: "articleCount" })
    .catch((error: unknown) => error);
}

describe("unavailableService", () => {
  it("names the chain when its RPC does not answer, also through the article reader's wrapping", async () => {
    const error = await chainReadError();
    expect(unavailableService(error)).toBe("chain");
    expect(unavailableService(new ContentError("unavailable", "The chain did not answer.", { cause: error }))).toBe("chain");
  });

  it("names IPFS when the gateway did not deliver or found nothing", () => {
    expect(unavailableService(new ContentError("unavailable", "The IPFS gateway did not deliver the metadata."))).toBe("ipfs");
    expect(unavailableService(new ContentError("not-found", "IPFS has no metadata at Qm..."))).toBe("ipfs");
  });

  it("names the database when a store reported it down", () => {
    expect(unavailableService(new ServiceUnavailableError("database", "The database did not answer."))).toBe("database");
  });

  it("leaves reverts, bad content, chain answers it could not use and bugs alone", () => {
    const revert = new ContractFunctionRevertedError({ abi: articleEditionsAbi, functionName: "article", message: "reverted" });
    for (const error of [
      revert,
      new ContentError("unavailable", "The chain did not answer.", { cause: new InvalidAddressError({ address: "0x1" }) }),
      new ContentError("integrity", "The bytes do not hash to the CID."),
      new ContentError("bad-metadata", "Not JSON."),
      new TypeError("Cannot read properties of undefined"),
      "a string",
    ]) {
      expect(unavailableService(error), String(error)).toBeUndefined();
    }
  });
});

describe("isDatabaseOutage", () => {
  let database: Awaited<ReturnType<typeof startTestDatabase>>;
  beforeAll(async () => {
    database = await startTestDatabase();
  });
  afterAll(async () => {
    await database.db.destroy();
    await database.stop();
  });

  it("is true when nothing answers at the database's address", async () => {
    const db = openDatabase(`postgres://postgres@${new URL(await nobodyListens()).host}/postgres`, { timeoutMs: 1_000 });
    const error = await sql`select 1`.execute(db).catch((caught: unknown) => caught);
    await db.destroy();
    expect(isDatabaseOutage(error)).toBe(true);
  });

  it("is false for a query the database refused", async () => {
    const error = await sql`select * from no_such_table`.execute(database.db).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(Error);
    expect(isDatabaseOutage(error)).toBe(false);
  });
});
