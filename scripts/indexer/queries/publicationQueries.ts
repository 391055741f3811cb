import type { IndexStatus, Pass, Tier, Wire } from "../../../web/src/indexer/indexTypes.ts";
import { quotedSchema, type SqlRunner } from "../sqlRunner.ts";

export async function listTiers(sql: SqlRunner, schema: string): Promise<Wire<Tier>[]> {
  const { rows } = await sql<Wire<Tier>>(
    `select id::text as "id", name, price::text as "price", duration::text as "duration", max_supply::text as "maxSupply", level,
       voting_weight as "votingWeight", transferable, sale_open as "saleOpen", metadata_uri as "metadataUri",
       minted::text as "minted", seats::text as "seats"
     from ${quotedSchema(schema)}.tier order by id`,
  );
  return rows;
}

export async function passById(sql: SqlRunner, schema: string, tokenId: bigint): Promise<Wire<Pass> | undefined> {
  const { rows } = await sql<Wire<Pass>>(
    `select token_id::text as "tokenId", tier_id::text as "tierId", owner, expires_at::text as "expiresAt"
     from ${quotedSchema(schema)}.pass where token_id = $1::numeric`,
    [tokenId.toString()],
  );
  return rows[0];
}

// Ponder's checkpoint: block timestamp (10 digits), chain id (16), block number (16), then the event's place.
const TIMESTAMP = [1, 10] as const;
const BLOCK_NUMBER = [27, 16] as const;

/** The last block the index has fully processed. */
export async function indexStatus(sql: SqlRunner, schema: string): Promise<Wire<IndexStatus> | undefined> {
  const { rows } = await sql<{ checkpoint: string }>(
    `select latest_checkpoint as "checkpoint" from ${quotedSchema(schema)}._ponder_checkpoint`,
  );
  const checkpoint = rows[0]?.checkpoint;
  if (!checkpoint) return undefined;
  const digits = ([from, length]: readonly [number, number]) => BigInt(checkpoint.slice(from - 1, from - 1 + length)).toString();
  return { blockNumber: digits(BLOCK_NUMBER), blockTimestamp: digits(TIMESTAMP) };
}
