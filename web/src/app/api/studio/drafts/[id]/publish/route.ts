import type { NextRequest } from "next/server";
import { progressStream } from "@/server/studio/progressStream.ts";
import { studioPublisher } from "@/server/studio/studioPublisher.ts";
import { studioRoute } from "@/server/studio/studioRoute.ts";
import { abandonPublishDraft, confirmPublishDraft, preparePublishDraft, publishProgress } from "@/studio/studioPublish.ts";
import { refuse } from "@/studio/studioAnswer.ts";

// An editor's publish of a reviewed draft (see studioPublish.ts): GET the run's progress after a
// reload; POST { step: "prepare" } to package and upload, { step: "confirm", hash } once the
// wallet sent the transaction, { step: "abandon" } to give it up. The role is read per request
// at the latest block, and a non-editor is refused before anything is uploaded or recorded.
// A prepare that accepts application/x-ndjson gets its steps and per-file upload progress streamed.

type Params = { params: Promise<{ id: string }> };

export const GET = async (request: NextRequest, { params }: Params) => {
  const { id } = await params;
  return studioRoute(request, async (db, viewer) =>
    viewer.isEditor ? publishProgress(db, viewer, id, await studioPublisher()) : refuse(403, "studio.error.editorsOnly"),
  );
};

export const POST = async (request: NextRequest, { params }: Params) => {
  const { id } = await params;
  return studioRoute(request, async (db, viewer, body) => {
    if (!viewer.isEditor) return refuse(403, "studio.error.editorsOnly");
    const step = (body as { step?: unknown } | null)?.step;
    if (step === "prepare" && request.headers.get("accept")?.includes("application/x-ndjson")) {
      // Each step and each file's upload progress as it happens, the answer last.
      const context = await studioPublisher();
      return progressStream((emit) =>
        preparePublishDraft(db, viewer, id, {
          ...context,
          log: (line) => emit({ line }),
          onUploadProgress: (progress) => emit({ progress }),
        }),
      );
    }
    if (step === "prepare") return preparePublishDraft(db, viewer, id, await studioPublisher());
    if (step === "confirm") return confirmPublishDraft(db, viewer, id, body, await studioPublisher());
    if (step === "abandon") return abandonPublishDraft(db, viewer, id, await studioPublisher());
    return refuse(400, "studio.error.badInput", { detail: 'step must be "prepare", "confirm" or "abandon"' });
  });
};
