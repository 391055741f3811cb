import "server-only";
import { inOtherLanguages, otherLanguageVersions } from "./archive.ts";
import { articleRevisions, findArticle, index, rememberingLast, toEntry, toRevisionEntry } from "./catalog.ts";
import { nullWhileDown } from "./serviceUnavailable.ts";

/**
 * What an article's page shows: the article (with the preview the index stored), its revisions
 * and its versions in other languages. By slug it is one index call, remembered like every index
 * answer; an old numeric link reads the article and then the rest, which are left out (null)
 * while the index is down. Undefined when no article is published under `idOrSlug`.
 */
export async function readArticlePage(idOrSlug: string) {
  if (/^\d{1,20}$/.test(idOrSlug)) {
    const article = await findArticle(idOrSlug);
    if (!article) return undefined;
    const [revisions, versions] = await Promise.all([
      nullWhileDown(articleRevisions(article.id)),
      nullWhileDown(otherLanguageVersions(article)),
    ]);
    return { article, revisions: revisions ?? [], versions: versions ?? [] };
  }
  const { value } = await rememberingLast(`page:${idOrSlug}`, () => index().articlePage(idOrSlug));
  if (!value) return undefined;
  const article = toEntry(value.article);
  return {
    article,
    revisions: value.revisions.map(toRevisionEntry),
    versions: inOtherLanguages(article, value.versions),
  };
}
