import type { NextRequest } from "next/server";
import { serverConfig } from "@/server/serverConfig.ts";
import { studioRoute } from "@/server/studio/studioRoute.ts";
import { requestChanges } from "@/studio/studioActions.ts";

export const POST = async (request: NextRequest, { params }: { params: Promise<{ id: string }> }) => {
  const { id } = await params;
  return studioRoute(request, (db, viewer, body) => requestChanges(db, viewer, id, body, serverConfig().studioLimits));
};
