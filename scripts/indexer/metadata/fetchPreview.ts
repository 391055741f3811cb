import { CID } from "multiformats/cid";
import { ContentError } from "../../../web/src/content/contentError.ts";
import { MAX_PREVIEW_BYTES } from "../../../web/src/content/createArticleReader.ts";
import { decodeText } from "../../../web/src/content/fetchArticleMetadata.ts";
import { fetchVerified, type GatewayOptions } from "../../../web/src/ipfs/fetchVerified.ts";

/**
 * An article's free preview, checked against its CID, stored with its metadata so no page view
 * fetches it. Null when it breaks the content rules (too large, altered, not UTF-8): the article
 * is still listed and its page says the preview was refused, as it would for a live fetch. Throws
 * while IPFS does not deliver it, so the fetcher retries the article.
 */
export async function fetchPreview(previewCid: string, gateway: GatewayOptions): Promise<string | null> {
  try {
    const bytes = await fetchVerified(CID.parse(previewCid), "the free preview", { ...gateway, maxBytes: MAX_PREVIEW_BYTES });
    return decodeText(bytes, "The preview");
  } catch (error) {
    if (error instanceof ContentError && (error.code === "integrity" || error.code === "bad-metadata")) return null;
    throw error;
  }
}
