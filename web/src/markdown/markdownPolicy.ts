import { marked } from "marked";

// The one policy for article Markdown, wherever it becomes HTML: the free part on the server
// (sanitize-html) and the premium part in the reader's browser (DOMPurify) keep the same tags,
// attributes and URL schemes, so no script, event handler or javascript:/data: URL survives
// either way, whatever the writer (or an attacker who got text into an article) put in.

export const ALLOWED_TAGS = [
  "h1",
  "h2",
  "h3",
  "h4",
  "h5",
  "h6",
  "p",
  "blockquote",
  "ul",
  "ol",
  "li",
  "pre",
  "code",
  "em",
  "strong",
  "del",
  "a",
  "img",
  "hr",
  "br",
  "table",
  "thead",
  "tbody",
  "tr",
  "th",
  "td",
  "figure",
  "figcaption",
  "sup",
  "sub",
] as const;

export const ALLOWED_ATTRIBUTES = {
  a: ["href", "title", "rel"],
  img: ["src", "alt", "title", "loading"],
  th: ["align"],
  td: ["align"],
} as const satisfies Partial<Record<(typeof ALLOWED_TAGS)[number], readonly string[]>>;

export const ALLOWED_SCHEMES = ["https", "http", "mailto"] as const;

/** Links leave with no referrer and no opener; images load when scrolled to. */
export const FORCED_ATTRIBUTES = { a: { rel: "noopener noreferrer nofollow" }, img: { loading: "lazy" } } as const;

/** Markdown as HTML, not yet sanitized, with `ipfs://` links pointing at `gatewayUrl`. */
export function markdownToHtml(markdown: string, gatewayUrl: string) {
  const html = marked.parse(markdown, { async: false, gfm: true });
  return html.replace(
    /(href|src)="ipfs:\/\/([^"]+)"/g,
    (_, attribute: string, path: string) => `${attribute}="${gatewayUrl}/ipfs/${path}"`,
  );
}
