/** A problem with an article's source file, found before anything is uploaded. */
export class ArticleSourceError extends Error {
  readonly field: string;
  constructor(field: string, problem: string) {
    super(`${field}: ${problem}`);
    this.name = "ArticleSourceError";
    this.field = field;
  }
}
