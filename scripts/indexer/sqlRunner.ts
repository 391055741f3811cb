/** One SQL statement with positional parameters, against the index's database (PGlite or Postgres). */
export type SqlRunner = <Row = Record<string, unknown>>(text: string, params?: unknown[]) => Promise<{ rows: Row[] }>;

/** A Ponder schema name, checked before it is spliced into SQL as an identifier. */
export function quotedSchema(schema: string) {
  if (!/^[a-z_][a-z0-9_]{0,44}$/.test(schema)) throw new Error(`DATABASE_SCHEMA: "${schema}" is not a plain lower-case schema name`);
  return `"${schema}"`;
}
