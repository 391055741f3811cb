import type { NextRequest } from "next/server";
import { serverConfig } from "@/server/serverConfig.ts";
import { studioRoute } from "@/server/studio/studioRoute.ts";
import { createDraft, listMyDrafts } from "@/studio/studioActions.ts";

export const GET = (request: NextRequest) => studioRoute(request, (db, viewer) => listMyDrafts(db, viewer));
export const POST = (request: NextRequest) =>
  studioRoute(request, (db, viewer, body) => createDraft(db, viewer, body, serverConfig().studioLimits));
