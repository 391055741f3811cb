import type { NextRequest } from "next/server";
import { serverConfig } from "@/server/serverConfig.ts";
import { studioRoute } from "@/server/studio/studioRoute.ts";
import { addComment, listComments } from "@/studio/studioActions.ts";

type Context = { params: Promise<{ id: string }> };

export const GET = async (request: NextRequest, { params }: Context) => {
  const { id } = await params;
  return studioRoute(request, (db, viewer) => listComments(db, viewer, id));
};
export const POST = async (request: NextRequest, { params }: Context) => {
  const { id } = await params;
  return studioRoute(request, (db, viewer, body) => addComment(db, viewer, id, body, serverConfig().studioLimits));
};
