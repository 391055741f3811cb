import { stringify } from "yaml";
import { ArticleSourceError } from "../content/articleSourceError.ts";
import { parseArticleSource } from "../content/parseArticleSource.ts";
import { parseDraftImageRef } from "./draftImageRefs.ts";
import type { DraftContent } from "./draftStore.ts";

/** A draft as the article file the CLI publishes: the form's frontmatter as YAML, then the Markdown. */
export function draftSourceText(content: DraftContent) {
  return `---\n${stringify(content.frontmatter)}---\n${content.markdown}`;
}

/** What is wrong with a draft by the CLI's own rules and messages ("edition.price_wei: ..."), or null. */
export function draftProblem(content: DraftContent): { field: string; problem: string } | null {
  try {
    const { images } = parseArticleSource(draftSourceText(content));
    // A draft has no folder of files: its images are the ones added in the editor.
    const foreign = images.find((image) => !parseDraftImageRef(image.ref));
    if (foreign) return { field: `image ${foreign.ref}`, problem: "is not an image added to this draft: drop or paste it into the editor" };
    return null;
  } catch (error) {
    if (!(error instanceof ArticleSourceError)) throw error;
    return { field: error.field, problem: error.message.slice(error.field.length + 2) };
  }
}
