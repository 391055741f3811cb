import type { Address } from "viem";

// No "server-only" here: tests read the cap. The store itself lives in server-only modules.

/**
 * How many live sessions an address may have. Signing in beyond this ends its oldest session, so
 * a stolen wallet signature cannot mint an unbounded pile of valid tokens, and the table stays
 * small. Ten covers a reader's devices and browsers with room to spare.
 */
export const MAX_LIVE_SESSIONS_PER_ADDRESS = 10;

/** One session, as its token states it. */
export interface SessionRecord {
  /** The token's id (JWT `jti`). */
  id: string;
  address: Address;
  /** Seconds since the epoch. */
  issuedAt: number;
  /** Seconds since the epoch. */
  expiresAt: number;
}

/**
 * What the server remembers about sessions so that it can end them before they expire. In the
 * shared database (databaseSessionStore.ts), so every server and every restart sees one state.
 */
export interface SessionStore {
  /** Records a new session; an address beyond MAX_LIVE_SESSIONS_PER_ADDRESS loses its oldest. */
  open(session: SessionRecord): Promise<void>;
  /** Ends a session for good: its token is refused from now until it expires. */
  revoke(session: SessionRecord): Promise<void>;
  /** Whether the session was ended (logged out, or pushed out by newer sign-ins of its address). */
  isRevoked(session: SessionRecord): Promise<boolean>;
}
