import "server-only";
import { renderMarkdownOnServer } from "../markdown/sanitizeOnServer.ts";
import { serverConfig } from "./serverConfig.ts";

const rendered = new Map<string, { markdown: string; html: string }>();

/**
 * Sanitized HTML for public Markdown (free previews), remembered by the content's CID. Reused only
 * for the very same Markdown: pages show one CID differently (a proposal's description without its
 * title line), and a proposer may name an article's preview CID as their description.
 */
export function renderPublicMarkdown(cid: string, markdown: string) {
  const last = rendered.get(cid);
  if (last?.markdown === markdown) return last.html;
  if (rendered.size > 1_000) rendered.clear();
  const html = renderMarkdownOnServer(markdown, serverConfig().publicGatewayUrl);
  rendered.set(cid, { markdown, html });
  return html;
}
