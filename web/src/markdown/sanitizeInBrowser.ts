import type { DOMPurify as Purifier } from "dompurify";
import { ALLOWED_ATTRIBUTES, ALLOWED_SCHEMES, ALLOWED_TAGS, FORCED_ATTRIBUTES, markdownToHtml } from "./markdownPolicy.ts";

// An allowed scheme, or a relative URL (no scheme at all; not protocol-relative `//host`), as
// sanitize-html decides on the server.
const ALLOWED_URI = new RegExp(`^(?:(?:${ALLOWED_SCHEMES.join("|")}):|/(?!/)|[^a-z/:]|[a-z0-9+.-]+(?:[^a-z0-9+.:-]|$))`, "i");
const allowedOn = (tag: string): readonly string[] => (ALLOWED_ATTRIBUTES as Record<string, readonly string[]>)[tag] ?? [];

/** Sets the shared policy on a DOMPurify instance of its own (on the page's window, or a test DOM). */
export function withMarkdownPolicy(purifier: Purifier) {
  // Attributes are allowed per tag, as on the server (DOMPurify's own list is global), and URLs
  // are checked here too: DOMPurify would otherwise let data: URLs into images.
  purifier.addHook("uponSanitizeAttribute", (node, data) => {
    const allowed = allowedOn(node.nodeName.toLowerCase()).includes(data.attrName);
    const isUrl = data.attrName === "href" || data.attrName === "src";
    if (!allowed || (isUrl && !ALLOWED_URI.test(data.attrValue.replace(/[\s\u0000-\u001f]/g, "")))) data.keepAttr = false;
  });
  purifier.addHook("afterSanitizeAttributes", (node) => {
    const forced = (FORCED_ATTRIBUTES as Record<string, Record<string, string>>)[node.nodeName.toLowerCase()] ?? {};
    for (const [name, value] of Object.entries(forced)) node.setAttribute(name, value);
  });
  return (markdown: string, gatewayUrl: string) =>
    purifier.sanitize(markdownToHtml(markdown, gatewayUrl), {
      ALLOWED_TAGS: [...ALLOWED_TAGS],
      ALLOWED_ATTR: [...new Set(Object.values(ALLOWED_ATTRIBUTES).flat())],
      ALLOWED_URI_REGEXP: ALLOWED_URI,
      ALLOW_DATA_ATTR: false,
      ALLOW_ARIA_ATTR: false,
    });
}
