import type { Generated } from "kysely";

/** The off-chain state every process shares: one Postgres schema (embedded PGlite by default). */
export interface Database {
  used_nonces: UsedNoncesTable;
  sessions: SessionsTable;
}

/** Sign-in nonces already spent, kept until they expire (after that they sign nobody in anyway). */
export interface UsedNoncesTable {
  nonce: string;
  expires_at: Date;
}

/** Every session a server started, so that a logout ends it on every server and after restarts. */
export interface SessionsTable {
  /** The token's id (JWT `jti`). */
  id: string;
  address: string;
  issued_at: Date;
  expires_at: Date;
  revoked: Generated<boolean>;
  /** Order of opening, finer than `issued_at`'s seconds: decides which session is oldest. */
  opened: Generated<string>;
}
