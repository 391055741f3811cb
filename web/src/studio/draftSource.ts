import { stringify } from "yaml";
import { ArticleSourceError } from "../content/articleSourceError.ts";
import { parseArticleSource } from "../content/parseArticleSource.ts";
import type { DraftContent } from "./draftStore.ts";

/** A draft as the article file the CLI publishes: the form's frontmatter as YAML, then the Markdown. */
export function draftSourceText(content: DraftContent) {
  return `---\n${stringify(content.frontmatter)}---\n${content.markdown}`;
}

/** What is wrong with a draft by the CLI's own rules and messages ("edition.price_wei: ..."), or null. */
export function draftProblem(content: DraftContent): { field: string; problem: string } | null {
  try {
    parseArticleSource(draftSourceText(content));
    return null;
  } catch (error) {
    if (!(error instanceof ArticleSourceError)) throw error;
    return { field: error.field, problem: error.message.slice(error.field.length + 2) };
  }
}
