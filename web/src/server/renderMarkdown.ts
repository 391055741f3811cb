import "server-only";
import { renderMarkdownOnServer } from "@/markdown/sanitizeOnServer.ts";
import { serverConfig } from "./serverConfig.ts";

const rendered = new Map<string, string>();

/** Sanitized HTML for public Markdown (free previews), remembered by the content's CID. */
export function renderPublicMarkdown(cid: string, markdown: string) {
  let html = rendered.get(cid);
  if (html === undefined) {
    if (rendered.size > 1_000) rendered.clear();
    html = renderMarkdownOnServer(markdown, serverConfig().publicGatewayUrl);
    rendered.set(cid, html);
  }
  return html;
}
