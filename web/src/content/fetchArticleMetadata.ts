import type { CID } from "multiformats/cid";
import { fetchVerified, type GatewayOptions } from "../ipfs/fetchVerified.ts";
import { type ArticleMetadata, articleMetadataSchema } from "./articleMetadata.ts";
import { ContentError } from "./contentError.ts";

/** Most bytes an article's metadata JSON may have: it holds text and CIDs, never content. */
const MAX_METADATA_BYTES = 1 << 20;
const utf8 = new TextDecoder("utf-8", { fatal: true });

export function decodeText(bytes: Uint8Array, what: string) {
  try {
    return utf8.decode(bytes);
  } catch {
    throw new ContentError("bad-metadata", `${what} is not UTF-8 text.`);
  }
}

/**
 * An article's metadata JSON from IPFS, checked against its CID and the metadata schema. The one
 * reading of metadata, for the server's reader and the indexer's fetcher alike.
 * @param what names the article in error messages, e.g. "article 7".
 */
export async function fetchArticleMetadata(cid: CID, what: string, gateway: GatewayOptions): Promise<ArticleMetadata> {
  const bytes = await fetchVerified(cid, `${what}'s metadata`, { ...gateway, maxBytes: MAX_METADATA_BYTES });
  let json: unknown;
  try {
    json = JSON.parse(decodeText(bytes, "The metadata"));
  } catch (error) {
    if (error instanceof ContentError) throw error;
    throw new ContentError("bad-metadata", `${capitalized(what)}'s metadata is not JSON.`);
  }
  const parsed = articleMetadataSchema.safeParse(json);
  if (!parsed.success) {
    const [issue] = parsed.error.issues;
    throw new ContentError("bad-metadata", `${capitalized(what)}'s metadata is invalid at ${issue.path.join(".")}: ${issue.message}`);
  }
  return parsed.data;
}

const capitalized = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);
