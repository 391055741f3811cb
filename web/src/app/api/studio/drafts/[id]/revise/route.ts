import type { NextRequest } from "next/server";
import { studioPublisher } from "@/server/studio/studioPublisher.ts";
import { studioRoute } from "@/server/studio/studioRoute.ts";
import { refuse } from "@/studio/studioAnswer.ts";
import { confirmReviseDraft, prepareReviseDraft } from "@/studio/studioRevise.ts";

// An editor's revision of a published article from its draft (see studioRevise.ts): POST
// { step: "prepare" } to package the draft's current text, { step: "confirm", hash } once the
// wallet sent the `revise` transaction. The role is read per request at the latest block, and a
// non-editor is refused before anything is packaged or uploaded.

export const POST = async (request: NextRequest, { params }: { params: Promise<{ id: string }> }) => {
  const { id } = await params;
  return studioRoute(request, async (db, viewer, body) => {
    if (!viewer.isEditor) return refuse(403, "studio.error.editorsOnly");
    const step = (body as { step?: unknown } | null)?.step;
    if (step === "prepare") return prepareReviseDraft(db, viewer, id, await studioPublisher());
    if (step === "confirm") return confirmReviseDraft(db, viewer, id, body, await studioPublisher());
    return refuse(400, "studio.error.badInput", { detail: 'step must be "prepare" or "confirm"' });
  });
};
