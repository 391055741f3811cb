import type { NextRequest } from "next/server";
import { studioRoute } from "@/server/studio/studioRoute.ts";
import { deleteDraft, getDraft, saveDraft } from "@/studio/studioActions.ts";

type Context = { params: Promise<{ id: string }> };

export const GET = async (request: NextRequest, { params }: Context) => {
  const { id } = await params;
  return studioRoute(request, (db, viewer) => getDraft(db, viewer, id));
};
export const PUT = async (request: NextRequest, { params }: Context) => {
  const { id } = await params;
  return studioRoute(request, (db, viewer, body) => saveDraft(db, viewer, id, body));
};
export const DELETE = async (request: NextRequest, { params }: Context) => {
  const { id } = await params;
  return studioRoute(request, (db, viewer) => deleteDraft(db, viewer, id));
};
