import "server-only";
import { inOtherLanguages, otherLanguageVersions } from "./archive.ts";
import { articleById, articleRevisions, index, rememberingLast, toEntry, toRevisionEntry } from "./catalog.ts";
import { checkedPreview } from "./checkedPreview.ts";
import { nullWhileDown } from "./serviceUnavailable.ts";

/**
 * What an article's page shows: the article, its free preview as the index stored it (null: fetch
 * it from IPFS), its revisions
 * and its versions in other languages. By slug it is one index call, remembered like every index
 * answer; an old numeric link first finds the article's slug. Undefined when no article is
 * published under `idOrSlug`.
 */
export async function readArticlePage(idOrSlug: string) {
  if (/^\d{1,20}$/.test(idOrSlug)) {
    const article = await articleById(BigInt(idOrSlug));
    if (!article) return undefined;
    // Its slug's page, unless a newer article took the slug over.
    const bySlug = await nullWhileDown(pageBySlug(article.slug));
    if (bySlug?.article.id === article.id) return bySlug;
    const [revisions, versions] = await Promise.all([
      nullWhileDown(articleRevisions(article.id)),
      nullWhileDown(otherLanguageVersions(article)),
    ]);
    return { article, preview: null, revisions: revisions ?? [], versions: versions ?? [] };
  }
  return pageBySlug(idOrSlug);
}

async function pageBySlug(slug: string) {
  const { value } = await rememberingLast(`page:${slug}`, () => index().articlePage(slug));
  if (!value) return undefined;
  const article = toEntry(value.article);
  return {
    article,
    preview: await checkedPreview(article.previewCid, value.article.preview),
    revisions: value.revisions.map(toRevisionEntry),
    versions: inOtherLanguages(article, value.versions),
  };
}
