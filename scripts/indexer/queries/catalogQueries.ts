import type { ArticleListing, SectionCount, SitemapEntry, Wire } from "../../../web/src/indexer/indexTypes.ts";
import { METADATA_TABLE } from "../metadata/metadataTable.ts";
import { quotedSchema, type SqlRunner } from "../sqlRunner.ts";
import { articlesWhoseMetadata, listed, published } from "./articleQueries.ts";

/** Every section with listed articles, the fullest first (over the whole catalog, not one page). */
export async function sectionCounts(sql: SqlRunner, schema: string, language?: string): Promise<SectionCount[]> {
  const { rows } = await sql<SectionCount>(
    `select section, count(*)::int as "articles" from (${listed(quotedSchema(schema))}
       where ($1::text is null or m.language = $1)) listed
     group by section order by count(*) desc, section`,
    [language ?? null],
  );
  return rows;
}

/** The listed (not unlisted) articles with ids in [fromId, toId): one child sitemap's URLs, oldest first. */
export async function sitemapEntries(sql: SqlRunner, schema: string, fromId: bigint, toId: bigint): Promise<Wire<SitemapEntry>[]> {
  const s = quotedSchema(schema);
  const { rows } = await sql<Wire<SitemapEntry>>(
    `select a.id::text as "id", m.slug, m.language, m.timestamp::text as "updatedAt"
     from ${s}.article a
     cross join lateral (
       select r.timestamp, md.slug, md.language from ${s}.article_revision r
       join ${METADATA_TABLE} md on md.cid = r.cid and md.status = 'stored'
       where r.article_id = a.id order by r.revision desc limit 1
     ) m
     where a.id >= $1::numeric and a.id < $2::numeric and a.unlisted_at is null order by a.id`,
    [fromId.toString(), toId.toString()],
  );
  return rows;
}

/** The highest article id: how many child sitemaps the sitemap index names. */
export async function highestArticleId(sql: SqlRunner, schema: string) {
  const { rows } = await sql<{ id: string | null }>(`select max(id)::text as "id" from ${quotedSchema(schema)}.article`);
  return BigInt(rows[0]?.id ?? 0);
}

/**
 * The versions of one story: the original (whose slug is `story`) and every article that names it
 * in `translation_of`, newest first. A page shows those in languages other than its own.
 */
export async function storyVersions(sql: SqlRunner, schema: string, story: string): Promise<Wire<ArticleListing>[]> {
  const s = quotedSchema(schema);
  const { rows } = await sql<Wire<ArticleListing>>(
    `${published(s, articlesWhoseMetadata(s, "md.slug = $1 or md.translation_of = $1", true))}
     where (m.slug = $1 or m.translation_of = $1) order by a.id desc limit 20`,
    [story],
  );
  return rows;
}
