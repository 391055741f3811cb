import type { IncomingMessage, ServerResponse } from "node:http";
import { HttpError, parseCid, sendError } from "./httpErrors.ts";
import { openContent } from "./openContent.ts";
import type { IpfsNode } from "./createNode.ts";

/** Content types worth telling a browser, recognised from the first bytes. */
function sniffContentType(head: Uint8Array): string {
  const starts = (...bytes: number[]) => bytes.every((b, i) => head[i] === b);
  if (starts(0x89, 0x50, 0x4e, 0x47)) return "image/png";
  if (starts(0xff, 0xd8, 0xff)) return "image/jpeg";
  if (starts(0x47, 0x49, 0x46, 0x38)) return "image/gif";
  if (starts(0x52, 0x49, 0x46, 0x46) && head[8] === 0x57 && head[9] === 0x45) return "image/webp";
  const text = new TextDecoder("utf-8", { fatal: false }).decode(head.subarray(0, 512)).trimStart();
  if (text.startsWith("<svg") || text.startsWith("<?xml")) return "image/svg+xml";
  if (text.startsWith("{") || text.startsWith("[")) return "application/json";
  if (!text.includes("\uFFFD") && !/[\x00-\x08\x0E-\x1F]/.test(text)) return "text/plain; charset=utf-8";
  return "application/octet-stream";
}

/** A read-only `/ipfs/<cid>` gateway: content is immutable, so it is cacheable forever. */
export function createGateway(node: IpfsNode, options: { fetchTimeoutMs: number }) {
  return async (req: IncomingMessage, res: ServerResponse) => {
    try {
      if (req.method !== "GET" && req.method !== "HEAD") throw new HttpError(405, "the gateway is read-only");
      const url = new URL(req.url ?? "/", "http://localhost");
      const match = /^\/ipfs\/([^/]+)\/?$/.exec(url.pathname);
      if (!match) throw new HttpError(404, "paths look like /ipfs/<cid>");
      const cid = parseCid(match[1]);
      const content = await openContent(node, cid, options.fetchTimeoutMs);
      res.writeHead(200, {
        "content-type": sniffContentType(content.head),
        "cache-control": "public, max-age=29030400, immutable",
        etag: `"${cid}"`,
        "x-ipfs-path": `/ipfs/${cid}`,
        "x-content-type-options": "nosniff",
      });
      if (req.method === "HEAD") {
        res.end();
        return;
      }
      await content.writeTo(res);
    } catch (error) {
      sendError(res, error);
    }
  };
}
