// What the index holds: chain facts only, each row written by the handlers in src/ as its block
// arrives (Ponder rolls them back on a reorg). Article metadata from IPFS is kept apart, keyed
// by CID (scripts/indexer/metadata), because it is not a chain fact and never changes.
import { index, onchainTable, primaryKey } from "ponder";

/** One row per article, as `ArticleEditions.article(id)` reports it now. */
export const article = onchainTable("article", (t) => ({
  id: t.bigint().primaryKey(),
  publisher: t.hex().notNull(),
  uri: t.text().notNull(),
  /** The CID in `uri` (null when the URI is not `ipfs://<cid>`: never listed). */
  cid: t.text(),
  revisions: t.integer().notNull(),
  price: t.bigint().notNull(),
  maxSupply: t.bigint().notNull(),
  minted: t.bigint().notNull(),
  referred: t.bigint().notNull(),
  saleStart: t.bigint().notNull(),
  /** As stored: no end is 2^40 - 1 (NO_SALE_END), a closed sale its closing second. */
  saleEnd: t.bigint().notNull(),
  closedAt: t.bigint(),
  walletCap: t.integer().notNull(),
  premiumLevel: t.integer().notNull(),
  referralBps: t.integer().notNull(),
  treasuryBps: t.integer().notNull(),
  royaltyReceiver: t.hex().notNull(),
  royaltyBps: t.bigint().notNull(),
  /** `[{ account, shareBps }]` in publish order, as `article(id).authors`. */
  authors: t.jsonb().$type<{ account: `0x${string}`; shareBps: number }[]>().notNull(),
  publishedBlock: t.bigint().notNull(),
  publishedAt: t.bigint().notNull(),
  revisedAt: t.bigint(),
  /** Set by `ArticleUnlisted`: the article leaves every listing, feed and search; holders see the reason. */
  unlistedAt: t.bigint(),
  unlistedReason: t.text(),
}));

/** Every metadata URI an article pointed at, the first publish being revision 0. */
export const articleRevision = onchainTable(
  "article_revision",
  (t) => ({
    articleId: t.bigint().notNull(),
    revision: t.integer().notNull(),
    uri: t.text().notNull(),
    cid: t.text(),
    blockNumber: t.bigint().notNull(),
    timestamp: t.bigint().notNull(),
    transactionHash: t.hex().notNull(),
  }),
  (table) => ({
    pk: primaryKey({ columns: [table.articleId, table.revision] }),
    byCid: index().on(table.cid),
    // The metadata fetcher looks only at revisions from recent blocks.
    byBlock: index().on(table.blockNumber),
  }),
);

/** Editions of an article a wallet holds now (ERC-1155 balances). */
export const editionBalance = onchainTable(
  "edition_balance",
  (t) => ({
    articleId: t.bigint().notNull(),
    holder: t.hex().notNull(),
    balance: t.bigint().notNull(),
  }),
  (table) => ({
    pk: primaryKey({ columns: [table.articleId, table.holder] }),
    library: index().on(table.holder, table.articleId),
  }),
);

/**
 * A payee's take from one article: `accrued` follows the contract's split (floor per author, the
 * rest to the treasury), `settled` what withdrawals paid out. The treasury's share is keyed by the
 * zero address, as in the contract, because it moves with `setTreasury`.
 */
export const editionPayout = onchainTable(
  "edition_payout",
  (t) => ({
    articleId: t.bigint().notNull(),
    payee: t.hex().notNull(),
    shareBps: t.integer().notNull(),
    accrued: t.bigint().notNull(),
    settled: t.bigint().notNull(),
  }),
  (table) => ({
    pk: primaryKey({ columns: [table.articleId, table.payee] }),
    byPayee: index().on(table.payee, table.articleId),
  }),
);

/** Referral earnings not yet withdrawn, per contract ("editions" or "pass") and account. */
export const referralCredit = onchainTable(
  "referral_credit",
  (t) => ({
    contract: t.text().notNull(),
    account: t.hex().notNull(),
    amount: t.bigint().notNull(),
  }),
  (table) => ({ pk: primaryKey({ columns: [table.contract, table.account] }) }),
);

/** Publication-wide facts: one row per contract ("editions", "pass"). */
export const ledger = onchainTable("ledger", (t) => ({
  contract: t.text().primaryKey(),
  treasury: t.hex().notNull(),
  /** Pass only: wei paid in (purchases and renewals) and paid out (withdrawals). */
  received: t.bigint().notNull(),
  paidOut: t.bigint().notNull(),
  referralBps: t.integer().notNull(),
}));

/** A membership tier, as `MembershipPass.tier(id)` reports it. */
export const tier = onchainTable("tier", (t) => ({
  id: t.bigint().primaryKey(),
  name: t.text().notNull(),
  price: t.bigint().notNull(),
  duration: t.bigint().notNull(),
  maxSupply: t.bigint().notNull(),
  level: t.integer().notNull(),
  votingWeight: t.integer().notNull(),
  transferable: t.boolean().notNull(),
  saleOpen: t.boolean().notNull(),
  metadataUri: t.text().notNull(),
  minted: t.bigint().notNull(),
  seats: t.bigint().notNull(),
  createdAt: t.bigint().notNull(),
  updatedAt: t.bigint().notNull(),
}));

/** A pass that exists (burned passes are deleted), with `expiresAt()` as the contract reports it. */
export const pass = onchainTable(
  "pass",
  (t) => ({
    tokenId: t.bigint().primaryKey(),
    tierId: t.bigint().notNull(),
    owner: t.hex().notNull(),
    /** LIFETIME_EXPIRY for lifetime passes, 0 once cancelled. */
    expiresAt: t.bigint().notNull(),
    mintedAt: t.bigint().notNull(),
    /** The minting transaction: its own SubscriptionUpdate and PassPurchased are the sale, not a renewal. */
    mintTransaction: t.hex().notNull(),
  }),
  (table) => ({ byOwner: index().on(table.owner, table.tierId) }),
);

// ----- the coverage DAO (src/coverageDao.ts) -----

/** A proposal as `ProposalCreated` announced it, with the state changes that followed. */
export const proposal = onchainTable(
  "proposal",
  (t) => ({
    id: t.bigint().primaryKey(),
    proposer: t.hex().notNull(),
    /** The description as proposed: a title line, then `ipfs://<cid>` of its Markdown. */
    description: t.text().notNull(),
    title: t.text().notNull(),
    descriptionCid: t.text(),
    /** `[{ target, value, calldata }]`, value in wei as a decimal string. */
    actions: t.jsonb().$type<{ target: `0x${string}`; value: string; calldata: `0x${string}` }[]>().notNull(),
    /** Voting weights are read at `voteStart` (the snapshot); voting ends at `voteEnd`. */
    voteStart: t.bigint().notNull(),
    voteEnd: t.bigint().notNull(),
    createdBlock: t.bigint().notNull(),
    createdAt: t.bigint().notNull(),
    createdTransaction: t.hex().notNull(),
    queuedAt: t.bigint(),
    eta: t.bigint(),
    executedAt: t.bigint(),
    executedTransaction: t.hex(),
    canceledAt: t.bigint(),
  }),
  (table) => ({ byCreated: index().on(table.createdBlock) }),
);

/** A member's vote on a proposal, with the reason they gave. */
export const vote = onchainTable(
  "vote",
  (t) => ({
    proposalId: t.bigint().notNull(),
    voter: t.hex().notNull(),
    /** 0 against, 1 for, 2 abstain. */
    support: t.integer().notNull(),
    weight: t.bigint().notNull(),
    reason: t.text().notNull(),
    blockNumber: t.bigint().notNull(),
    timestamp: t.bigint().notNull(),
    transactionHash: t.hex().notNull(),
  }),
  (table) => ({ pk: primaryKey({ columns: [table.proposalId, table.voter] }) }),
);

/** Coverage the timelock commissioned from CoverageDesk, and where it stands. */
export const commission = onchainTable(
  "commission",
  (t) => ({
    id: t.bigint().primaryKey(),
    /** The executed proposal that created it (null when the timelock commissioned otherwise). */
    proposalId: t.bigint(),
    topicCid: t.text().notNull(),
    bounty: t.bigint().notNull(),
    deadline: t.bigint().notNull(),
    /** "open", "fulfilled", "paid" or "expired", as `Status` in ICoverageDesk. */
    status: t.text().notNull(),
    articleId: t.bigint(),
    editor: t.hex(),
    challengeEndsAt: t.bigint(),
    rejections: t.integer().notNull(),
    createdAt: t.bigint().notNull(),
    createdTransaction: t.hex().notNull(),
    fulfilledAt: t.bigint(),
    paidAt: t.bigint(),
    expiredAt: t.bigint(),
  }),
  (table) => ({ byStatus: index().on(table.status), byTransaction: index().on(table.createdTransaction) }),
);

/** Bounty credited to an author when a commission settled. */
export const bountyCredit = onchainTable(
  "bounty_credit",
  (t) => ({
    commissionId: t.bigint().notNull(),
    author: t.hex().notNull(),
    amount: t.bigint().notNull(),
  }),
  (table) => ({ pk: primaryKey({ columns: [table.commissionId, table.author] }), byAuthor: index().on(table.author) }),
);

/** A withdrawal of bounties from CoverageDesk. */
export const bountyWithdrawal = onchainTable(
  "bounty_withdrawal",
  (t) => ({
    id: t.text().primaryKey(),
    account: t.hex().notNull(),
    amount: t.bigint().notNull(),
    timestamp: t.bigint().notNull(),
    transactionHash: t.hex().notNull(),
  }),
  (table) => ({ byAccount: index().on(table.account) }),
);
