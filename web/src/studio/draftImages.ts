import type { Kysely } from "kysely";
import { ArticleSourceError } from "../content/articleSourceError.ts";
import type { ArticleSource } from "../content/loadArticleSource.ts";
import { sha256Hex } from "../content/parseArticleSource.ts";
import type { Database } from "../db/schema.ts";
import { DEFAULT_MAX_IMAGES_PER_DRAFT } from "./draftLimits.ts";
import { draftImagePath, parseDraftImageRef } from "./draftImageRefs.ts";
import { readDraftImage, readDraftImages, storeDraftImage } from "./draftImageStore.ts";
import * as drafts from "./draftStore.ts";
import { ImageMetadataError, stripImageMetadata } from "./images/stripImageMetadata.ts";
import { canEdit, canRead, inTeam, type StudioViewer } from "./studioAccess.ts";
import { ok, refuse, type StudioAnswer } from "./studioAnswer.ts";

// A draft's images: added by its writer (the browser stripped their metadata; the server checks
// the type by content and strips again, never trusting it), read by those who may read the draft,
// and handed to the publish path as the CLI hands it an article's image files.

type Db = Kysely<Database>;

/** The request body as the route read it: the bytes, or past the size limit (read no further). */
export type ImageUpload = { bytes: Uint8Array } | { tooLarge: true };

const PROBLEM_MESSAGES = {
  "unknown-type": { status: 415, error: "studio.image.error.wrongType" },
  malformed: { status: 422, error: "studio.image.error.malformed" },
  "avif-metadata": { status: 422, error: "studio.image.error.avifMetadata" },
} as const;

/** Stores an image in the writer's own draft, metadata removed, up to `maxImages` a draft; every refusal stores nothing. */
export async function addDraftImage(
  db: Db,
  viewer: StudioViewer,
  id: string,
  upload: ImageUpload,
  maxMegabytes: number,
  maxImages = DEFAULT_MAX_IMAGES_PER_DRAFT,
) {
  if (!inTeam(viewer)) return refuse(403, "studio.error.notInTeam");
  const draft = await drafts.readDraft(db, id);
  if (!draft) return refuse(404, "studio.error.notFound");
  if (draft.owner !== viewer.address) return refuse(403, "studio.error.notYours");
  if (!canEdit(viewer, draft)) return refuse(409, "studio.error.wrongState", { state: draft.state });
  if ("tooLarge" in upload || upload.bytes.length > maxMegabytes * 1024 * 1024) {
    return refuse(413, "studio.image.error.tooLarge", { limit: String(maxMegabytes) });
  }
  let stripped: ReturnType<typeof stripImageMetadata>;
  try {
    stripped = stripImageMetadata(upload.bytes);
  } catch (error) {
    if (!(error instanceof ImageMetadataError)) throw error;
    const { status, error: message } = PROBLEM_MESSAGES[error.code];
    return refuse(status, message, { detail: error.message });
  }
  const sha256 = sha256Hex(stripped.bytes);
  if (!(await storeDraftImage(db, id, viewer.address, { sha256, contentType: stripped.type, bytes: stripped.bytes }, maxImages))) {
    return refuse(409, "studio.image.error.tooMany", { max: String(maxImages) });
  }
  return ok({ image: { sha256, url: draftImagePath(id, sha256), contentType: stripped.type, size: stripped.bytes.length } }, 201);
}

/** An image of a draft the viewer may read, or the refusal. */
export async function getDraftImage(
  db: Db,
  viewer: StudioViewer,
  id: string,
  sha256: string,
): Promise<StudioAnswer | { image: { contentType: string; bytes: Uint8Array } }> {
  if (!inTeam(viewer)) return refuse(403, "studio.error.notInTeam");
  const draft = await drafts.readDraft(db, id);
  if (!draft) return refuse(404, "studio.error.notFound");
  if (!canRead(viewer, draft)) return refuse(403, "studio.error.notYours");
  const image = /^[0-9a-f]{64}$/.test(sha256) ? await readDraftImage(db, id, sha256) : undefined;
  return image ? { image } : refuse(404, "studio.error.notFound");
}

/**
 * The images a draft's Markdown references, as the CLI's loader gives an article's image files:
 * each local reference must be an image stored with this draft.
 */
export async function draftSourceImages(db: Db, draftId: string, refs: readonly { ref: string; part: "free" | "premium" }[]) {
  const named = refs.map((image) => ({ ...image, parsed: parseDraftImageRef(image.ref) }));
  const stored = await readDraftImages(
    db,
    draftId,
    named.flatMap(({ parsed }) => (parsed?.draftId === draftId ? [parsed.sha256] : [])),
  );
  const images: ArticleSource["images"] = [];
  for (const { ref, part, parsed } of named) {
    const image = parsed?.draftId === draftId ? stored.get(parsed.sha256) : undefined;
    if (!image) throw new ArticleSourceError(`image ${ref}`, "is not an image stored with this draft: add it by dropping or pasting it");
    images.push({ ref, part, bytes: image.bytes });
  }
  return images;
}
