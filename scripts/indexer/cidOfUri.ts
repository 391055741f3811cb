import { CID } from "multiformats/cid";

/** The CID of an `ipfs://<cid>` URI in its canonical string form, or null for anything else. */
export function cidOfUri(uri: string) {
  const match = /^ipfs:\/\/([^/?#]+)$/.exec(uri);
  if (!match) return null;
  try {
    return CID.parse(match[1]!).toString();
  } catch {
    return null;
  }
}
