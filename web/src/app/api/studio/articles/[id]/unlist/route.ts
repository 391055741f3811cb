import type { NextRequest } from "next/server";
import { publicationAddresses } from "@/server/publication.ts";
import { studioRoute } from "@/server/studio/studioRoute.ts";
import { prepareUnlist } from "@/studio/studioUnlist.ts";

// An editor's unlisting of a published article: POST { reason } answers the `unlist` call their
// wallet signs (see studioUnlist.ts). Nothing is stored: the chain's event is the record.

export const POST = async (request: NextRequest, { params }: { params: Promise<{ id: string }> }) => {
  const { id } = await params;
  return studioRoute(request, async (_db, viewer, body) => prepareUnlist(viewer, id, body, publicationAddresses().editions));
};
