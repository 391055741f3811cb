import DOMPurify from "dompurify";
import { marked } from "marked";

// Loaded only once a premium part is unlocked. Markdown becomes HTML here, in the browser, and
// DOMPurify strips every script, event handler and javascript: URL on the real DOM before it is
// shown. ipfs:// links point at the public gateway.
export function renderPremium(markdown: string, gatewayUrl: string) {
  const html = marked.parse(markdown, { async: false, gfm: true });
  const linked = html.replace(/(href|src)="ipfs:\/\/([^"]+)"/g, (_, attribute, path) => `${attribute}="${gatewayUrl}/ipfs/${path}"`);
  return DOMPurify.sanitize(linked, {
    FORBID_TAGS: ["style", "form", "input", "button", "iframe", "object", "embed"],
    FORBID_ATTR: ["style"],
    ALLOWED_URI_REGEXP: /^(?:https?:|mailto:|#|\/)/i,
  });
}
