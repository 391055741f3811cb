import { METADATA_TABLE } from "../metadata/metadataTable.ts";
import { quotedSchema, type SqlRunner } from "../sqlRunner.ts";

/**
 * Changes whenever what the pages list can change: Ponder's checkpoint moves with every indexed
 * block (a publish, an unlist, a reorg) and the newest stored metadata with every article that
 * becomes listable. Two index lookups, whatever the catalog's size.
 */
export async function catalogVersion(sql: SqlRunner, schema: string): Promise<string> {
  const { rows } = await sql<{ version: string }>(
    `select coalesce((select max(latest_checkpoint)::text from ${quotedSchema(schema)}._ponder_checkpoint), '') || '/' ||
       coalesce((select max(fetched_at)::text from ${METADATA_TABLE}), '') as "version"`,
  );
  return rows[0]?.version ?? "";
}

/**
 * `compute` run once per catalog version (and at least every `maxAgeMs`, in case a metadata row
 * committed with an older timestamp): for whole-catalog answers such as section counts, which
 * would otherwise scan every article on every request.
 */
export function perCatalogVersion<value>(sql: SqlRunner, schema: string, compute: (key: string) => Promise<value>, maxAgeMs = 10_000) {
  const remembered = new Map<string, { version: string; at: number; value: Promise<value> }>();
  return async (key: string) => {
    const version = await catalogVersion(sql, schema);
    const last = remembered.get(key);
    if (last && last.version === version && Date.now() - last.at < maxAgeMs) return last.value;
    const value = compute(key);
    remembered.set(key, { version, at: Date.now(), value });
    // A failure is not remembered: the next request asks again.
    value.catch(() => {
      if (remembered.get(key)?.value === value) remembered.delete(key);
    });
    return value;
  };
}
