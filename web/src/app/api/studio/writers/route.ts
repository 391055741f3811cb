import type { NextRequest } from "next/server";
import { studioRoute } from "@/server/studio/studioRoute.ts";
import { addWriter, listTeam } from "@/studio/studioActions.ts";

export const GET = (request: NextRequest) => studioRoute(request, (db, viewer) => listTeam(db, viewer));
export const POST = (request: NextRequest) => studioRoute(request, (db, viewer, body) => addWriter(db, viewer, body));
