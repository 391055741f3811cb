import type { ArticleFacts, ArticleListing, ArticlePage, ArticleRevision, Wire } from "../../../web/src/indexer/indexTypes.ts";
import { METADATA_TABLE } from "../metadata/metadataTable.ts";
import { quotedSchema, type SqlRunner } from "../sqlRunner.ts";

export interface ArticleFilter {
  section?: string;
  tag?: string;
  language?: string;
  /** Articles older than this id (the previous page's `nextCursor`). */
  cursor?: bigint;
  limit: number;
}

// An article is published once the metadata of one of its revisions is stored; it shows the
// newest such revision, so a revision whose metadata is still on its way never hides the article.
// Unlisted articles are still published (a holder's library, the article page's 410, the CLI's
// digest lookup find them, with `unlistedAt` and `unlistedReason`), but never listed.
export const published = (s: string, articles = `${s}.article`, extraColumns = "") => `
  select ${extraColumns} a.id::text as "id", a.publisher, m.revision, m.cid, m.title, m.summary, m.slug, m.language, m.section,
    m.tags, m.cover, m.published, m.authors, m.preview_cid as "previewCid", m.premium_cid as "premiumCid",
    m.translation_of as "translationOf",
    a.price::text as "price", a.max_supply::text as "maxSupply", a.minted::text as "minted",
    a.sale_start::text as "saleStart", a.sale_end::text as "saleEnd", a.wallet_cap as "walletCap",
    a.premium_level as "premiumLevel", a.published_at::text as "publishedAt", a.published_block::text as "publishedBlock",
    a.unlisted_at::text as "unlistedAt", a.unlisted_reason as "unlistedReason"
  from ${articles} a
  cross join lateral (
    select r.revision, md.* from ${s}.article_revision r
    join ${METADATA_TABLE} md on md.cid = r.cid and md.status = 'stored'
    where r.article_id = a.id order by r.revision desc limit 1
  ) m`;

/**
 * The articles (listed only, or all) one of whose revisions' metadata meets `metadataCondition`
 * (on `md`), as a relation for `published`. Each step is an index lookup of a precomputed array
 * (metadata by slug or digest, revisions by CID, articles by id): without statistics (PGlite never
 * analyzes) the planner otherwise walks every article or revision to find one slug.
 */
export const articlesWhoseMetadata = (s: string, metadataCondition: string, listedOnly = false) => `(
  select * from ${s}.article where ${listedOnly ? "unlisted_at is null and " : ""}id = any(array(
    select r.article_id from ${s}.article_revision r
    where r.cid = any(array(select md.cid from ${METADATA_TABLE} md where (${metadataCondition}))))))`;

/** What the publication's pages list: published and not unlisted (front page, sections, search, feeds, stories). */
export const listed = (s: string) => published(s, `(select * from ${s}.article where unlisted_at is null)`);

/** Newest first, one page, filtered by section, tag and language; walks the article id index. */
export async function listArticles(sql: SqlRunner, schema: string, filter: ArticleFilter): Promise<Wire<ArticlePage>> {
  const { rows } = await sql<Wire<ArticleListing>>(
    `${listed(quotedSchema(schema))}
     where ($1::numeric is null or a.id < $1::numeric)
       and ($2::text is null or m.section = $2) and ($3::text is null or m.language = $3)
       and ($4::text is null or m.tags @> jsonb_build_array($4::text))
     order by a.id desc limit $5`,
    [filter.cursor?.toString() ?? null, filter.section ?? null, filter.language ?? null, filter.tag ?? null, filter.limit + 1],
  );
  const page = rows.slice(0, filter.limit);
  return { articles: page, nextCursor: rows.length > filter.limit ? page[page.length - 1]!.id : null };
}

/** The published articles among `ids`, unlisted ones too (a reader's library, an account's payouts), newest first. */
export async function articlesByIds(sql: SqlRunner, schema: string, ids: bigint[]): Promise<Wire<ArticleListing>[]> {
  if (ids.length === 0) return [];
  const { rows } = await sql<Wire<ArticleListing>>(
    `${published(quotedSchema(schema))} where a.id = any($1::numeric[]) order by a.id desc`,
    [ids.map(String)],
  );
  return rows;
}

/** The oldest published article (unlisted too) whose metadata carries this content digest (what the publish CLI asks). */
export async function articleByDigest(sql: SqlRunner, schema: string, digest: string): Promise<Wire<ArticleListing> | undefined> {
  const s = quotedSchema(schema);
  const { rows } = await sql<Wire<ArticleListing>>(
    `${published(s, articlesWhoseMetadata(s, "md.content_digest = $1"))} order by a.id asc limit 1`,
    [digest],
  );
  return rows[0];
}

/**
 * The newest published article (unlisted too: its page says why it is gone) whose shown metadata
 * carries `slug`; `withPreview` adds its stored free preview (null while pending or refused).
 */
export async function articleBySlug(
  sql: SqlRunner,
  schema: string,
  slug: string,
  withPreview = false,
): Promise<Wire<ArticleListing> | undefined> {
  const s = quotedSchema(schema);
  const { rows } = await sql<Wire<ArticleListing>>(
    `${published(s, articlesWhoseMetadata(s, "md.slug = $1"), withPreview ? "m.preview," : "")} where m.slug = $1 order by a.id desc limit 1`,
    [slug],
  );
  return rows[0];
}

/** Every fact the index holds about one article (listed or not), for checks and tools. */
export async function articleFacts(sql: SqlRunner, schema: string, id: bigint): Promise<Wire<ArticleFacts> | undefined> {
  const s = quotedSchema(schema);
  const { rows } = await sql<Wire<ArticleFacts>>(
    `select a.id::text as "id", a.publisher, a.uri, a.cid, a.price::text as "price", a.max_supply::text as "maxSupply",
       a.minted::text as "minted", a.referred::text as "referred", a.sale_start::text as "saleStart", a.sale_end::text as "saleEnd",
       a.closed_at::text as "closedAt", a.wallet_cap as "walletCap", a.premium_level as "premiumLevel",
       a.referral_bps as "referralBps", a.treasury_bps as "treasuryBps", a.royalty_receiver as "royaltyReceiver",
       a.royalty_bps::text as "royaltyBps", a.authors,
       coalesce((select json_agg(json_build_object('revision', r.revision, 'uri', r.uri, 'cid', r.cid,
         'blockNumber', r.block_number::text, 'metadataStatus', md.status) order by r.revision)
         from ${s}.article_revision r left join ${METADATA_TABLE} md on md.cid = r.cid where r.article_id = a.id), '[]') as "revisions",
       coalesce((select json_agg(json_build_object('holder', b.holder, 'balance', b.balance::text) order by b.holder)
         from ${s}.edition_balance b where b.article_id = a.id and b.balance > 0), '[]') as "holders"
     from ${s}.article a where a.id = $1::numeric`,
    [id.toString()],
  );
  return rows[0];
}

/** An article's revisions, oldest first, with their block time: the article page's history. */
export async function articleRevisions(sql: SqlRunner, schema: string, id: bigint): Promise<Wire<ArticleRevision>[]> {
  const s = quotedSchema(schema);
  const { rows } = await sql<Wire<ArticleRevision>>(
    `select r.revision, r.uri, r.cid, r.block_number::text as "blockNumber", r.timestamp::text as "publishedAt",
       r.transaction_hash as "transactionHash"
     from ${s}.article_revision r where r.article_id = $1::numeric order by r.revision`,
    [id.toString()],
  );
  return rows;
}
