import type { ArticleMetadata } from "../../../web/src/content/articleMetadata.ts";
import type { SqlRunner } from "../sqlRunner.ts";

/**
 * Article metadata from IPFS, one row per CID, outside Ponder's schema: content addressed, so it
 * is true whatever the chain does (a reorg never makes it wrong) and is fetched once for every
 * article and revision that points at it.
 */
export const METADATA_TABLE = "ipfs_metadata.article_metadata";

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
}

export async function storeMetadata(sql: SqlRunner, cid: string, m: ArticleMetadata) {
  const p = m.properties;
  await sql(
    `insert into ${METADATA_TABLE} (cid, status, title, summary, slug, language, section, tags, cover, published, authors, preview_cid, premium_cid, content_digest)
     values ($1, 'stored', $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13) on conflict (cid) do nothing`,
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
    ],
  );
}

export async function storeInvalidMetadata(sql: SqlRunner, cid: string, problem: string) {
  await sql(`insert into ${METADATA_TABLE} (cid, status, problem) values ($1, 'invalid', $2) on conflict (cid) do nothing`, [cid, problem]);
}
