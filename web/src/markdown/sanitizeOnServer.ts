import sanitizeHtml from "sanitize-html";
import { ALLOWED_ATTRIBUTES, ALLOWED_SCHEMES, ALLOWED_TAGS, FORCED_ATTRIBUTES, markdownToHtml } from "./markdownPolicy.ts";

const OPTIONS: sanitizeHtml.IOptions = {
  allowedTags: [...ALLOWED_TAGS],
  allowedAttributes: Object.fromEntries(Object.entries(ALLOWED_ATTRIBUTES).map(([tag, names]) => [tag, [...names]])),
  allowedSchemes: [...ALLOWED_SCHEMES],
  allowedSchemesAppliedToAttributes: ["href", "src"],
  allowProtocolRelative: false,
  transformTags: {
    a: (tagName, attribs) => ({ tagName, attribs: { ...attribs, ...FORCED_ATTRIBUTES.a } }),
    img: (tagName, attribs) => ({ tagName, attribs: { ...attribs, ...FORCED_ATTRIBUTES.img } }),
  },
};

/** Article Markdown as safe HTML, by the shared policy, with sanitize-html (no DOM needed). */
export function renderMarkdownOnServer(markdown: string, gatewayUrl: string) {
  return sanitizeHtml(markdownToHtml(markdown, gatewayUrl), OPTIONS);
}
