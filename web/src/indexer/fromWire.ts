import type { Wire } from "./indexTypes.ts";

/** The fields of the index's answers that hold bigints (wei, ids, blocks, seconds). */
const DECIMAL_FIELDS = new Set([
  "id",
  "price",
  "maxSupply",
  "minted",
  "referred",
  "saleStart",
  "saleEnd",
  "closedAt",
  "royaltyBps",
  "publishedAt",
  "publishedBlock",
  "unlistedAt",
  "blockNumber",
  "blockTimestamp",
  "nextCursor",
  "balance",
  "articleId",
  "articleIds",
  "tokenId",
  "tierId",
  "expiresAt",
  "duration",
  "seats",
  "total",
  "credit",
  "updatedAt",
  "highestId",
  "due",
]);

function revive(value: unknown, decimal: boolean): unknown {
  if (decimal && typeof value === "string") return BigInt(value);
  if (Array.isArray(value)) return value.map((item) => revive(item, decimal));
  if (value && typeof value === "object") {
    return Object.fromEntries(Object.entries(value).map(([key, field]) => [key, revive(field, DECIMAL_FIELDS.has(key))]));
  }
  return value;
}

/** An index answer with its decimal strings turned back into bigints. */
export const fromWire = <T>(wire: Wire<T>) => revive(wire, false) as T;
