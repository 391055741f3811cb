import type { ArticleMetadata } from "../../../web/src/content/articleMetadata.ts";
import { gramsOfText, normalizeForSearch } from "../../../web/src/search/searchGrams.ts";
import type { SqlRunner } from "../sqlRunner.ts";

/**
 * Article metadata from IPFS, one row per CID, outside Ponder's schema: content addressed, so it
 * is true whatever the chain does (a reorg never makes it wrong) and is fetched once for every
 * article and revision that points at it.
 */
export const METADATA_TABLE = "ipfs_metadata.article_metadata";
/** The search grams of each stored document's title and summary (scripts/indexer/search). */
export const GRAM_TABLE = "ipfs_metadata.article_gram";

const searchTextOf = (title: string, summary: string) => normalizeForSearch(`${title} ${summary}`);

export async function ensureMetadataTable(sql: SqlRunner) {
  await sql("create schema if not exists ipfs_metadata");
  await sql(`create table if not exists ${METADATA_TABLE} (
    cid text primary key,
    -- 'stored', or 'invalid' when the JSON breaks the metadata schema (never listed, never retried)
    status text not null,
    problem text,
    title text, summary text, slug text, language text, section text, tags jsonb, cover text,
    published text, authors jsonb, preview_cid text, premium_cid text, content_digest text,
    fetched_at timestamptz not null default now()
  )`);
  await sql(`create index if not exists article_metadata_slug on ${METADATA_TABLE} (slug)`);
  await sql(`create index if not exists article_metadata_digest on ${METADATA_TABLE} (content_digest)`);
  // Added after the first release: a table made before them gains them here.
  await sql(`alter table ${METADATA_TABLE} add column if not exists search_text text`);
  await sql(`alter table ${METADATA_TABLE} add column if not exists translation_of text`);
  // The free preview's Markdown, checked against preview_cid, so article pages need nothing from
  // IPFS: preview_status 'stored', 'refused' (it broke the content rules; the page says so), or
  // null while pending (IPFS did not deliver it yet, or the row predates previews).
  await sql(`alter table ${METADATA_TABLE} add column if not exists preview text`);
  await sql(`alter table ${METADATA_TABLE} add column if not exists preview_status text`);
  await sql(
    `create index if not exists article_metadata_preview_pending on ${METADATA_TABLE} (cid) where status = 'stored' and preview_status is null`,
  );
  await sql(`create index if not exists article_metadata_translation_of on ${METADATA_TABLE} (translation_of)`);
  // The catalog's version (queries/catalogVersion.ts) reads the newest row.
  await sql(`create index if not exists article_metadata_fetched_at on ${METADATA_TABLE} (fetched_at)`);
  await sql(`create table if not exists ${GRAM_TABLE} (gram text not null, cid text not null, primary key (gram, cid))`);
  await backfillSearchGrams(sql);
}

/** Documents stored before search existed get their search text and grams (once, at start). */
async function backfillSearchGrams(sql: SqlRunner) {
  for (;;) {
    const { rows } = await sql<{ cid: string; title: string; summary: string }>(
      `select cid, title, summary from ${METADATA_TABLE} where status = 'stored' and search_text is null limit 500`,
    );
    if (rows.length === 0) return;
    for (const row of rows) {
      const text = searchTextOf(row.title, row.summary);
      await sql(
        `with grams as (insert into ${GRAM_TABLE} (gram, cid) select unnest($2::text[]), $1 on conflict do nothing)
         update ${METADATA_TABLE} set search_text = $3 where cid = $1`,
        [row.cid, gramsOfText(text), text],
      );
    }
  }
}

/** The document and its search grams in one statement: a listed article is always searchable. */
export type PreviewOutcome = FetchedPreview | { status: "pending" };
/** A preview IPFS delivered: kept, or refused for breaking the content rules. */
export type FetchedPreview = { status: "stored"; markdown: string } | { status: "refused" };

const previewColumns = (outcome: PreviewOutcome) => [
  outcome.status === "stored" ? outcome.markdown : null,
  outcome.status === "pending" ? null : outcome.status,
];

export async function storeMetadata(sql: SqlRunner, cid: string, m: ArticleMetadata, preview: PreviewOutcome) {
  const p = m.properties;
  const searchText = searchTextOf(m.name, m.description);
  await sql(
    `with stored as (
       insert into ${METADATA_TABLE} (cid, status, title, summary, slug, language, section, tags, cover, published, authors, preview_cid,
         premium_cid, content_digest, search_text, translation_of, preview, preview_status)
       values ($1, 'stored', $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $17, $18) on conflict (cid) do nothing returning cid)
     insert into ${GRAM_TABLE} (gram, cid) select unnest($16::text[]), cid from stored on conflict do nothing`,
    [
      cid,
      m.name,
      m.description,
      p.slug,
      p.language,
      p.section,
      JSON.stringify(p.tags),
      m.image,
      p.published,
      JSON.stringify(p.authors),
      p.preview.cid,
      p.premium?.cid ?? null,
      p.content_digest,
      searchText,
      p.translation_of ?? null,
      gramsOfText(searchText),
      ...previewColumns(preview),
    ],
  );
}

export async function storeInvalidMetadata(sql: SqlRunner, cid: string, problem: string) {
  await sql(`insert into ${METADATA_TABLE} (cid, status, problem) values ($1, 'invalid', $2) on conflict (cid) do nothing`, [cid, problem]);
}

/** A pending preview, fetched at last (or refused). */
export async function storePreview(sql: SqlRunner, cid: string, outcome: FetchedPreview) {
  await sql(`update ${METADATA_TABLE} set preview = $2, preview_status = $3 where cid = $1`, [cid, ...previewColumns(outcome)]);
}

/** Stored metadata whose preview is still pending, but for the CIDs in `skip` (waiting to be retried). */
export async function pendingPreviews(sql: SqlRunner, skip: string[], limit: number) {
  const { rows } = await sql<{ cid: string; previewCid: string }>(
    `select cid, preview_cid as "previewCid" from ${METADATA_TABLE}
     where status = 'stored' and preview_status is null and not (cid = any($1::text[])) limit $2`,
    [skip, limit],
  );
  return rows;
}
