import type { NextRequest } from "next/server";
import { serverConfig } from "@/server/serverConfig.ts";
import { studioRoute } from "@/server/studio/studioRoute.ts";
import { previewDraft } from "@/studio/previewDraft.ts";

// The editor's live preview, rendered on the server by the article page's own sanitizer.
export const POST = (request: NextRequest) =>
  studioRoute(request, async (_db, viewer, body) => previewDraft(viewer, body, serverConfig().publicGatewayUrl));
