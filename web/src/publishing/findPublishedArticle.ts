import type { ArticleReader } from "../content/createArticleReader.ts";
import { ContentError } from "../content/contentError.ts";

/**
 * The id of the article already published with this content digest, if any. Reads every
 * article's metadata (cached by CID); an article whose metadata cannot be fetched is reported
 * through `warn` and skipped, since the chain alone cannot tell what it holds.
 */
export async function findPublishedArticle(
  reader: ArticleReader,
  articleCount: bigint,
  contentDigest: string,
  warn: (message: string) => void = () => {},
) {
  for (let articleId = articleCount; articleId >= 1n; articleId--) {
    const { uri } = await reader.record(articleId);
    try {
      const metadata = await reader.metadataAt(uri, articleId);
      if (metadata.properties.content_digest === contentDigest) return { articleId, uri, metadata };
    } catch (error) {
      if (!(error instanceof ContentError)) throw error;
      warn(`Could not compare with article ${articleId}: ${error.message}`);
    }
  }
  return null;
}
