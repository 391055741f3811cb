import { ContentError } from "../../../web/src/content/contentError.ts";
import { MAX_PREVIEW_BYTES } from "../../../web/src/content/createArticleReader.ts";
import { decodeText } from "../../../web/src/content/fetchArticleMetadata.ts";
import { fetchVerified, type GatewayOptions, parseIpfsUri } from "../../../web/src/ipfs/fetchVerified.ts";
import type { FetchedPreview } from "./metadataTable.ts";

/**
 * An article's free preview, checked against its CID, to store with its metadata so no page view
 * fetches it. "refused" when it breaks the content rules (not a CID, too large, altered, not
 * UTF-8): its page then fetches it and says it was refused, as before. Throws while IPFS does not
 * deliver it (the caller stores it as pending and tries again later).
 */
export async function fetchPreview(previewCid: string, gateway: GatewayOptions): Promise<FetchedPreview> {
  try {
    const cid = parseIpfsUri(`ipfs://${previewCid}`, "the free preview");
    const bytes = await fetchVerified(cid, "the free preview", { ...gateway, maxBytes: MAX_PREVIEW_BYTES });
    return { status: "stored", markdown: decodeText(bytes, "The preview") };
  } catch (error) {
    if (error instanceof ContentError && (error.code === "integrity" || error.code === "bad-metadata")) return { status: "refused" };
    throw error;
  }
}
