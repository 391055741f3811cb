import type { NextRequest } from "next/server";
import { studioRoute } from "@/server/studio/studioRoute.ts";
import { removeWriter } from "@/studio/studioActions.ts";

export const DELETE = async (request: NextRequest, { params }: { params: Promise<{ address: string }> }) => {
  const { address } = await params;
  return studioRoute(request, (db, viewer) => removeWriter(db, viewer, address));
};
