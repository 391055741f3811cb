import type { NextRequest } from "next/server";
import { studioRoute } from "@/server/studio/studioRoute.ts";
import { getDraftImage } from "@/studio/draftImages.ts";

// A draft's image, for the editor's preview: only to those who may read the draft (its writer,
// editors once it was submitted). Its URL names its SHA-256, so a browser may keep it privately.

type Params = { params: Promise<{ id: string; sha256: string }> };

export const GET = async (request: NextRequest, { params }: Params) => {
  const { id, sha256 } = await params;
  return studioRoute(request, async (db, viewer) => {
    const found = await getDraftImage(db, viewer, id, sha256);
    if (!("image" in found)) return found;
    return new Response(Buffer.from(found.image.bytes), {
      headers: {
        "Content-Type": found.image.contentType,
        "Cache-Control": "private, max-age=3600, immutable",
        "X-Content-Type-Options": "nosniff",
        "Content-Security-Policy": "default-src 'none'; sandbox",
      },
    });
  });
};
