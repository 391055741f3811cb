import type { NextRequest } from "next/server";
import { studioRoute } from "@/server/studio/studioRoute.ts";
import { submitDraft } from "@/studio/studioActions.ts";

export const POST = async (request: NextRequest, { params }: { params: Promise<{ id: string }> }) => {
  const { id } = await params;
  return studioRoute(request, (db, viewer) => submitDraft(db, viewer, id));
};
