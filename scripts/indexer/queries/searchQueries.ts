import type { ArticleListing, ArticlePage, Wire } from "../../../web/src/indexer/indexTypes.ts";
import { GRAM_TABLE } from "../metadata/metadataTable.ts";
import { gramsOfTerms } from "../../../web/src/search/searchGrams.ts";
import { quotedSchema, type SqlRunner } from "../sqlRunner.ts";
import { listed } from "./articleQueries.ts";

export interface SearchQuery {
  /** Normalized words (searchTerms): every one must appear in the title or the summary. */
  terms: string[];
  /** Articles older than this id (the previous page's `nextCursor`). */
  cursor?: bigint;
  limit: number;
}

/**
 * Listed articles whose shown title and summary hold every term, newest first, one page. The gram
 * index narrows the documents to those holding all the query's grams (an index range per gram);
 * the substring check on their normalized text then drops grams that met by chance.
 */
export async function searchArticles(sql: SqlRunner, schema: string, query: SearchQuery): Promise<Wire<ArticlePage>> {
  const s = quotedSchema(schema);
  const grams = gramsOfTerms(query.terms);
  const { rows } = await sql<Wire<ArticleListing>>(
    `with hits as (
       select cid from ${GRAM_TABLE} where gram = any($1::text[]) group by cid having count(*) = $2::int
     )
     ${listed(s)}
     where a.id in (select r.article_id from hits h join ${s}.article_revision r on r.cid = h.cid)
       and ($3::numeric is null or a.id < $3::numeric)
       and not exists (select 1 from unnest($4::text[]) term where strpos(m.search_text, term) = 0)
     order by a.id desc limit $5`,
    [grams, grams.length, query.cursor?.toString() ?? null, query.terms, query.limit + 1],
  );
  const page = rows.slice(0, query.limit);
  return { articles: page, nextCursor: rows.length > query.limit ? page[page.length - 1]!.id : null };
}
