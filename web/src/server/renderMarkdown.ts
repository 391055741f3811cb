import "server-only";
import { marked } from "marked";
import sanitizeHtml from "sanitize-html";
import { gatewayLink } from "./catalog.ts";

// Article Markdown becomes HTML on the server, then passes an allow-list: no script, no event
// handler attribute, no javascript: or data: URL survives, whatever the writer (or an attacker
// who got text into an article) put in.

const ALLOWED: sanitizeHtml.IOptions = {
  allowedTags: [
    "h1", "h2", "h3", "h4", "h5", "h6", "p", "blockquote", "ul", "ol", "li", "pre", "code", "em", "strong", "del",
    "a", "img", "hr", "br", "table", "thead", "tbody", "tr", "th", "td", "figure", "figcaption", "sup", "sub",
  ],
  allowedAttributes: { a: ["href", "title", "rel"], img: ["src", "alt", "title", "loading"], th: ["align"], td: ["align"] },
  allowedSchemes: ["https", "http", "mailto"],
  allowedSchemesAppliedToAttributes: ["href", "src"],
  allowProtocolRelative: false,
  transformTags: {
    a: (tagName, attribs) => ({ tagName, attribs: { ...attribs, rel: "noopener noreferrer nofollow" } }),
    img: (tagName, attribs) => ({ tagName, attribs: { ...attribs, loading: "lazy" } }),
  },
};

const rendered = new Map<string, string>();

/** Sanitized HTML for public Markdown (free previews), remembered by the content's CID. */
export function renderPublicMarkdown(cid: string, markdown: string) {
  let html = rendered.get(cid);
  if (html === undefined) {
    if (rendered.size > 1_000) rendered.clear();
    html = renderMarkdown(markdown);
    rendered.set(cid, html);
  }
  return html;
}

/** Sanitized HTML for article Markdown, with ipfs:// links pointing at the public gateway. */
export function renderMarkdown(markdown: string) {
  const html = marked.parse(markdown, { async: false, gfm: true });
  const linked = html.replace(/(href|src)="ipfs:\/\/([^"]+)"/g, (_, attribute, path) => `${attribute}="${gatewayLink(`ipfs://${path}`)}"`);
  return sanitizeHtml(linked, ALLOWED);
}
