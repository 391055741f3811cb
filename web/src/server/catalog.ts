import "server-only";
import { type IndexReader, IndexUnavailableError, createIndexReader } from "@/indexer/createIndexReader.ts";
import type { ArticleListing, ArticleRevision, IndexStatus, Tier } from "@/indexer/indexTypes.ts";
import { serverConfig } from "./serverConfig.ts";

// What the pages list, read from the event index (scripts/indexer) with one indexed query each:
// no chain call and no IPFS fetch for a page view, whatever the archive's size. Access is never
// decided here: the premium gate asks `canRead` on chain.

export interface ArticleEntry {
  id: number;
  metadataCid: string;
  title: string;
  summary: string;
  slug: string;
  language: string;
  section: string;
  tags: string[];
  cover: string;
  published: string;
  authors: { name: string; address: string }[];
  previewCid: string;
  premiumCid: string | null;
  /** The slug of the article this one translates, or null. */
  translationOf: string | null;
  sale: { price: bigint; maxSupply: number; minted: number; saleStart: number; saleEnd: number; walletCap: number };
  premiumLevel: number;
  /** Set once the editors unlisted it (seconds, their reason): off every listing, its page a 410. */
  unlisted: { at: number; reason: string } | null;
}

export interface TierEntry {
  id: number;
  name: string;
  price: bigint;
  duration: number;
  maxSupply: number;
  /** Passes that exist now: what the supply cap counts (burned and reclaimed passes free their seat). */
  seats: number;
  level: number;
  votingWeight: number;
  transferable: boolean;
  saleOpen: boolean;
}

export interface FrontPageQuery {
  section?: string;
  tag?: string;
  language?: string;
  /** Articles older than this id: the previous page's `nextCursor`. */
  before?: bigint;
}

const PER_PAGE = 10;
const REMEMBERED = 500;

let reader: IndexReader | undefined;
/** The server's one reader of the event index. */
export const index = () =>
  (reader ??= createIndexReader({ url: serverConfig().INDEXER_URL, timeoutMs: serverConfig().INDEXER_TIMEOUT_MS }));

/** How long an answer is reused before the index is asked again: requests in between share it. */
const FRESH_MS = 500;
/**
 * Past FRESH_MS and up to this age, a request still gets the last answer at once while one
 * refresh runs behind it: under steady traffic no reader waits for the index (the slowest answers
 * were those that met an expired answer), and what they see is never more than a second old.
 */
const SERVE_WHILE_REFRESHING_MS = 1_000;

// The last answer to each question. Within FRESH_MS it answers every request (the index is asked
// at most twice a second per page, however busy the site); while the indexer is down (restarting,
// catching up), pages render from it and say so, instead of failing.
const lastAnswers = new Map<string, { at: number; value: unknown }>();
const pending = new Map<string, Promise<unknown>>();

function askOnce<value>(key: string, ask: () => Promise<value>): Promise<value> {
  let asking = pending.get(key) as Promise<value> | undefined;
  if (!asking) {
    asking = ask()
      .then((value) => {
        lastAnswers.delete(key);
        if (lastAnswers.size >= REMEMBERED) lastAnswers.delete(lastAnswers.keys().next().value!);
        lastAnswers.set(key, { at: Date.now(), value });
        return value;
      })
      .finally(() => pending.delete(key));
    pending.set(key, asking);
  }
  return asking;
}

export async function rememberingLast<value>(
  key: string,
  ask: () => Promise<value>,
  freshMs = FRESH_MS,
): Promise<{ value: value; stale: boolean }> {
  const last = lastAnswers.get(key);
  const age = last ? Date.now() - last.at : Number.POSITIVE_INFINITY;
  if (last && age < freshMs) return { value: last.value as value, stale: false };
  // Not for "none": an article just published must not stay unknown for a second longer.
  if (last && last.value !== undefined && freshMs > 0 && age < SERVE_WHILE_REFRESHING_MS) {
    // A failed refresh leaves the last answer in place; the next request past a second asks again.
    askOnce(key, ask).catch(() => {});
    return { value: last.value as value, stale: false };
  }
  try {
    return { value: await askOnce(key, ask), stale: false };
  } catch (error) {
    if (error instanceof IndexUnavailableError && last) return { value: last.value as value, stale: true };
    throw error;
  }
}

export function toEntry(listing: ArticleListing): ArticleEntry {
  return {
    id: Number(listing.id),
    metadataCid: listing.cid,
    title: listing.title,
    summary: listing.summary,
    slug: listing.slug,
    language: listing.language,
    section: listing.section,
    tags: listing.tags,
    cover: listing.cover,
    published: listing.published,
    authors: listing.authors ?? [],
    previewCid: listing.previewCid,
    premiumCid: listing.premiumCid,
    translationOf: listing.translationOf ?? null,
    sale: {
      price: listing.price,
      maxSupply: Number(listing.maxSupply),
      minted: Number(listing.minted),
      saleStart: Number(listing.saleStart),
      saleEnd: Number(listing.saleEnd),
      walletCap: listing.walletCap,
    },
    unlisted: listing.unlistedAt == null ? null : { at: Number(listing.unlistedAt), reason: listing.unlistedReason ?? "" },
    premiumLevel: listing.premiumLevel,
  };
}

const toTier = (tier: Tier): TierEntry => ({
  id: Number(tier.id),
  name: tier.name,
  price: tier.price,
  duration: Number(tier.duration),
  maxSupply: Number(tier.maxSupply),
  seats: Number(tier.seats),
  level: tier.level,
  votingWeight: tier.votingWeight,
  transferable: tier.transferable,
  saleOpen: tier.saleOpen,
});

/** How far the index has got (the block pages render from), remembered while it is down. */
export async function indexStatus(): Promise<{ block: number; timestamp: number; stale: boolean }> {
  const { value, stale } = await rememberingLast<IndexStatus | undefined>("status", () => index().status());
  return { block: Number(value?.blockNumber ?? 0n), timestamp: Number(value?.blockTimestamp ?? 0n), stale };
}

/** One front page: ten articles, newest first, filtered; `nextCursor` leads to older ones. */
export async function readFrontPage(query: FrontPageQuery) {
  const key = `front:${query.section ?? ""}:${query.tag ?? ""}:${query.language ?? ""}:${query.before ?? ""}`;
  const { value, stale } = await rememberingLast(key, () =>
    index().listArticles({ section: query.section, tag: query.tag, language: query.language, cursor: query.before, limit: PER_PAGE }),
  );
  return { articles: value.articles.map(toEntry), nextCursor: value.nextCursor, stale };
}

/** An article by id (old numeric links), unlisted ones too; undefined when none is published. */
export async function articleById(id: bigint) {
  const { value } = await rememberingLast(`article:${id}`, async () => (await index().articlesByIds([id]))[0]);
  return value && toEntry(value);
}

/** An article's revisions, oldest first, with their block times (its page's history). */
export async function articleRevisions(id: number) {
  const { value } = await rememberingLast(`revisions:${id}`, () => index().articleRevisions(BigInt(id)));
  return value.map(toRevisionEntry);
}

/** A revision as the article page's history shows it. */
export const toRevisionEntry = (revision: ArticleRevision) => ({
  revision: revision.revision,
  cid: revision.cid,
  uri: revision.uri,
  publishedAt: Number(revision.publishedAt),
});

/** Published articles among `ids`, unlisted ones too (at most 100 a call are asked at once). */
export async function articlesByIds(ids: bigint[]) {
  const found: ArticleEntry[] = [];
  for (let at = 0; at < ids.length; at += 100) {
    found.push(...(await index().articlesByIds(ids.slice(at, at + 100))).map(toEntry));
  }
  return found;
}

export async function listTiers(): Promise<TierEntry[]> {
  // Asked every time: seats left change with each purchase, and the pages that show them are few.
  const { value } = await rememberingLast("tiers", () => index().tiers(), 0);
  return value.map(toTier);
}

/**
 * The chain's time as the index last saw it (its latest block), which sale windows and pass
 * expiry follow, not the server's clock.
 */
export async function chainNow() {
  return (await indexStatus()).timestamp;
}

/** An `ipfs://` link as a URL readers' browsers can open. */
export const gatewayLink = (uri: string) =>
  uri.startsWith("ipfs://") ? `${serverConfig().publicGatewayUrl}/ipfs/${uri.slice("ipfs://".length)}` : uri;
