// What the index answers (scripts/indexer/src/api) and the web reads. Wei, ids, block numbers and
// timestamps are bigints here; on the wire (`Wire<T>`) they travel as decimal strings, since JSON
// numbers cannot hold them.

type Decimal = bigint;
type Hex = `0x${string}`;

/** `T` as JSON carries it: every bigint a decimal string. */
export type Wire<T> = T extends bigint
  ? string
  : T extends (infer Item)[]
    ? Wire<Item>[]
    : T extends object
      ? { [K in keyof T]: Wire<T[K]> }
      : T;

/** An article as the front page and the article page list it: chain facts plus its metadata. */
export interface ArticleListing {
  id: Decimal;
  publisher: Hex;
  /** The revision whose metadata is shown: the newest one whose metadata is stored. */
  revision: number;
  cid: string;
  title: string;
  summary: string;
  slug: string;
  language: string;
  section: string;
  tags: string[];
  cover: string;
  published: string;
  /** As the metadata names them: who wrote it, with their wallets. */
  authors: { name: string; address: Hex }[];
  previewCid: string;
  premiumCid: string | null;
  /** The slug of the article this one translates (metadata `translation_of`), or null. */
  translationOf: string | null;
  price: Decimal;
  maxSupply: Decimal;
  minted: Decimal;
  saleStart: Decimal;
  saleEnd: Decimal;
  walletCap: number;
  premiumLevel: number;
  publishedAt: Decimal;
  publishedBlock: Decimal;
  /** Block time of `ArticleUnlisted`, or null while listed (only libraries and the article page see unlisted ones). */
  unlistedAt: Decimal | null;
  unlistedReason: string | null;
}

/** One metadata URI an article pointed at (revision 0 is the first publish), with its block time. */
export interface ArticleRevision {
  revision: number;
  uri: string;
  cid: string | null;
  blockNumber: Decimal;
  /** Seconds: the block time of the revision's transaction. */
  publishedAt: Decimal;
  transactionHash: Hex;
}

/** What an article's page shows, from one index call (`/articles/by-slug/<slug>/page`). */
export interface ArticlePageFacts {
  /** With the free preview's Markdown the indexer stored, checked against `previewCid` (null while pending or refused). */
  article: ArticleListing & { preview: string | null };
  /** Oldest first. */
  revisions: ArticleRevision[];
  /** Its story's listed versions (the original and its translations, itself included), newest first. */
  versions: ArticleListing[];
}

export interface ArticlePage {
  articles: ArticleListing[];
  /** Pass as `cursor` for the next page; null on the last one. */
  nextCursor: Decimal | null;
}

/** Everything the index holds about one article, listed or not. */
export interface ArticleFacts {
  id: Decimal;
  publisher: Hex;
  uri: string;
  cid: string | null;
  revisions: { revision: number; uri: string; cid: string | null; blockNumber: Decimal; metadataStatus: string | null }[];
  price: Decimal;
  maxSupply: Decimal;
  minted: Decimal;
  referred: Decimal;
  saleStart: Decimal;
  saleEnd: Decimal;
  closedAt: Decimal | null;
  walletCap: number;
  premiumLevel: number;
  referralBps: number;
  treasuryBps: number;
  royaltyReceiver: Hex;
  royaltyBps: Decimal;
  authors: { account: Hex; shareBps: number }[];
  holders: { holder: Hex; balance: Decimal }[];
}

export interface Library {
  editions: { articleId: Decimal; balance: Decimal }[];
  passes: Pass[];
}

export interface Pass {
  tokenId: Decimal;
  tierId: Decimal;
  owner: Hex;
  expiresAt: Decimal;
}

export interface Tier {
  id: Decimal;
  name: string;
  price: Decimal;
  duration: Decimal;
  maxSupply: Decimal;
  level: number;
  votingWeight: number;
  transferable: boolean;
  saleOpen: boolean;
  metadataUri: string;
  minted: Decimal;
  seats: Decimal;
}

/** What an account may withdraw now, and from which articles (for `withdraw` in batches). */
export interface Owed {
  editions: { total: Decimal; credit: Decimal; articleIds: Decimal[] };
  pass: { total: Decimal };
}

/** One article's sales as the studio shows them, with what it still owes one account. */
export interface ArticleSales {
  articleId: Decimal;
  minted: Decimal;
  /** 0 for an open edition (no cap). */
  maxSupply: Decimal;
  /** The second its sale was closed early, or null. */
  closedAt: Decimal | null;
  /** Wei the article owes the account now (accrued minus withdrawn). */
  due: Decimal;
}

/** How far the index has got: pages say from which block they render. */
export interface IndexStatus {
  blockNumber: Decimal;
  blockTimestamp: Decimal;
}

/** A section of the whole catalog and how many listed articles it has. */
export interface SectionCount {
  section: string;
  articles: number;
}

/** One URL of a sitemap: a listed article and when its shown revision was published. */
export interface SitemapEntry {
  id: Decimal;
  slug: string;
  language: string;
  /** Seconds: the block time of the revision shown. */
  updatedAt: Decimal;
}
