import type { NextRequest } from "next/server";
import { readBytesAtMost } from "@/server/readBytesAtMost.ts";
import { serverConfig } from "@/server/serverConfig.ts";
import { studioRoute } from "@/server/studio/studioRoute.ts";
import { addDraftImage, type ImageUpload } from "@/studio/draftImages.ts";

// A writer adds an image to their own draft: the body is the image's bytes (its metadata already
// removed by the page). The role is checked before the body is read; the server checks the type
// by content and strips metadata again, and stores it with the draft in the database, not on IPFS.

type Params = { params: Promise<{ id: string }> };

export const POST = async (request: NextRequest, { params }: Params) => {
  const { id } = await params;
  const { STUDIO_MAX_IMAGE_MB: limit, STUDIO_MAX_IMAGES_PER_DRAFT: maxImages } = serverConfig();
  return studioRoute(
    request,
    (db, viewer, upload) => addDraftImage(db, viewer, id, upload as ImageUpload, limit, maxImages),
    async (request) => ({ ok: true, value: await readBytesAtMost(request, limit * 1024 * 1024) }),
  );
};
