import "server-only";
import { CID } from "multiformats/cid";
import { MAX_PREVIEW_BYTES } from "@/content/createArticleReader.ts";
import { bytesMatchCid } from "@/ipfs/cidOfBytes.ts";

const MAX_REMEMBERED = 2_000;
const checked = new Map<string, string>();

/**
 * The preview the index stored, if its bytes are exactly what `previewCid` names (checked once per
 * CID and text), else null and the page fetches it from IPFS: like any gateway, the index and its
 * database are not trusted with what an article says.
 */
export async function checkedPreview(previewCid: string, markdown: string | null) {
  if (markdown === null) return null;
  if (checked.get(previewCid) === markdown) return markdown;
  const bytes = new TextEncoder().encode(markdown);
  if (bytes.length > MAX_PREVIEW_BYTES || !(await bytesMatchCid(bytes, CID.parse(previewCid)).catch(() => false))) return null;
  if (checked.size >= MAX_REMEMBERED) checked.delete(checked.keys().next().value!);
  checked.set(previewCid, markdown);
  return markdown;
}
