import type { Generated } from "kysely";

/** The off-chain state every process shares: one Postgres schema (embedded PGlite by default). */
export interface Database {
  used_nonces: UsedNoncesTable;
  sessions: SessionsTable;
  publish_runs: PublishRunsTable;
  publish_uploads: PublishUploadsTable;
  relayed_votes: RelayedVotesTable;
  relay_rate_limits: RelayRateLimitsTable;
  relay_senders: RelaySendersTable;
  studio_writers: StudioWritersTable;
  studio_drafts: StudioDraftsTable;
  studio_comments: StudioCommentsTable;
  studio_draft_images: StudioDraftImagesTable;
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

/** Where a publish run stands; each state is written as the step before it finishes. */
export type PublishState = "uploading" | "sending" | "sent" | "published" | "abandoned";

/**
 * One article's way onto one publication, keyed by its content digest: the lock that keeps two
 * publishes of it apart, and the transaction it sent, so that it is sent once.
 */
export interface PublishRunsTable {
  /** `<chainId>:<editions address, lower case>:<content digest>`. */
  key: string;
  slug: string;
  state: PublishState;
  metadata_cid: string | null;
  /** The account and nonce the publish transaction is sent with (written before it is sent). */
  sender: string | null;
  nonce: string | null;
  /** The latest block before sending: where to look for it if its hash was never recorded. */
  from_block: string | null;
  transaction_hash: string | null;
  article_id: string | null;
  lock_owner: string | null;
  lock_expires_at: Date | null;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
}

/** What a run uploaded and pinned, step by step, so a re-run reuses it and an abandon unpins it. */
export interface PublishUploadsTable {
  run_key: string;
  /** `image:<ref>`, `title-card`, `preview`, `premium` or `metadata`. */
  step: string;
  cid: string;
  /** What else the step needs to be reused (the premium part's envelope). */
  detail: unknown;
  unpinned: Generated<boolean>;
}

/** Where a relayed vote stands: claimed and waiting to be sent, sent, mined, or given up. */
export type RelayedVoteState = "queued" | "sent" | "confirmed" | "failed";

/** A vote the relay sends for a member who signed it, claimed before it is sent. */
export interface RelayedVotesTable {
  /** Random id the page polls progress by. */
  id: string;
  /** `<chainId>:<governor, lower case>:<proposalId>:<voter, lower case>`: unique. */
  ballot_key: string;
  voter: string;
  proposal_id: string;
  support: number;
  /** Exactly as signed ("" for none): sent as is, never dropped. */
  reason: string;
  signature: string;
  state: RelayedVoteState;
  relayer: string | null;
  transaction_hash: string | null;
  /** Why it failed (a decoded error name or a short message). */
  failure: string | null;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
}

/** Requests counted per key (`address:<a>` or `ip:<ip>`) in fixed windows, shared by every server. */
export interface RelayRateLimitsTable {
  key: string;
  window_start: Date;
  count: number;
}

/** One lease lock per relayer account, so its transactions are sent one at a time (no nonce race). */
export interface RelaySendersTable {
  relayer: string;
  lock_owner: string | null;
  lock_expires_at: Date | null;
}

/** Wallets the editors let write in the studio (editors themselves are whoever holds PUBLISHER_ROLE). */
export interface StudioWritersTable {
  /** EIP-55 checksummed. */
  address: string;
  added_by: string;
  added_at: Generated<Date>;
}

/** Where a draft stands in the newsroom. */
export type DraftState = "draft" | "in_review" | "changes_requested" | "published";

/** A writer's article before publish: private to the database, never on IPFS. */
export interface StudioDraftsTable {
  id: string;
  /** The writer's address, EIP-55 checksummed. */
  owner: string;
  markdown: Generated<string>;
  /** The frontmatter form's values, as the CLI's YAML would hold them. */
  frontmatter: Generated<unknown>;
  state: Generated<DraftState>;
  /** Raised by every save: a save naming an older version is refused (another tab saved first). */
  version: Generated<number>;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
  submitted_at: Date | null;
  published_article_id: string | null;
  /** The coverage DAO's commission this draft answers, if any (a decimal id). */
  commission_id: string | null;
}

/** An editor's (or the writer's) note on a draft under review. */
export interface StudioCommentsTable {
  id: Generated<string>;
  draft_id: string;
  author: string;
  body: string;
  created_at: Generated<Date>;
}

/** An image of a draft, its metadata stripped, kept with the draft until publish uploads it to IPFS. */
export interface StudioDraftImagesTable {
  draft_id: string;
  /** Hex SHA-256 of `bytes`: the image's id in its draft-local URL. */
  sha256: string;
  content_type: string;
  size: number;
  bytes: Uint8Array;
  /** The writer who added it. */
  added_by: string;
  created_at: Generated<Date>;
}
