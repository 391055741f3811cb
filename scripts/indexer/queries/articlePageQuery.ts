import type { ArticlePageFacts, Wire } from "../../../web/src/indexer/indexTypes.ts";
import type { SqlRunner } from "../sqlRunner.ts";
import { articleBySlug, articleRevisions } from "./articleQueries.ts";
import { storyVersions } from "./catalogQueries.ts";

/**
 * What an article's page shows, for one request: the article by slug (its stored preview too),
 * its revisions and its story's versions. A reader landing on an old article costs the index one
 * call, not three in two rounds.
 */
export async function articlePageBySlug(sql: SqlRunner, schema: string, slug: string): Promise<Wire<ArticlePageFacts> | undefined> {
  // `withPreview` adds the stored preview to the row.
  const article = (await articleBySlug(sql, schema, slug, true)) as Wire<ArticlePageFacts>["article"] | undefined;
  if (!article) return undefined;
  const revisions = await articleRevisions(sql, schema, BigInt(article.id));
  const versions = await storyVersions(sql, schema, article.translationOf ?? article.slug);
  return { article, revisions, versions };
}
