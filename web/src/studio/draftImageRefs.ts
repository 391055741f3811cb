// How a draft's Markdown names its images before publish: a URL on this site, served only to the
// draft's writer and the editors (`![alt](/api/studio/drafts/<draft>/images/<sha256>)`). To the
// CLI's parser it is a local image, like `images/x.png` next to an article file; publishing uploads
// it and rewrites the link to `ipfs://` the same way. Pure, for the browser and the server alike.

const REF = /^\/api\/studio\/drafts\/([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})\/images\/([0-9a-f]{64})$/;

export const draftImagePath = (draftId: string, sha256: string) => `/api/studio/drafts/${draftId}/images/${sha256}`;

/** The draft and image a reference names, or null when it is no draft image's URL. */
export function parseDraftImageRef(ref: string): { draftId: string; sha256: string } | null {
  const match = REF.exec(ref);
  return match ? { draftId: match[1], sha256: match[2] } : null;
}

/** The Markdown that shows an image, its alt text from the file's name (brackets would end it). */
export function imageMarkdown(draftId: string, sha256: string, fileName: string) {
  const alt = fileName.replace(/\.[a-z0-9]+$/i, "").replace(/[[\]\\\n]/g, " ");
  return `![${alt}](${draftImagePath(draftId, sha256)})`;
}
