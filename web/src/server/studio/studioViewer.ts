import "server-only";
import { articleEditionsAbi, articleEditionsConstants } from "@/generated/contracts.ts";
import { isWriter } from "@/studio/writerStore.ts";
import type { StudioViewer } from "@/studio/studioAccess.ts";
import { serverDatabase } from "../database.ts";
import { chainClient, publicationAddresses } from "../publication.ts";
import { readSession } from "../session.ts";

/** Whether `address` holds PUBLISHER_ROLE on ArticleEditions at the latest block (read each time, never cached). */
export async function isEditor(address: `0x${string}`) {
  return chainClient().readContract({
    address: publicationAddresses().editions,
    abi: articleEditionsAbi,
    functionName: "hasRole",
    args: [articleEditionsConstants.PUBLISHER_ROLE, address],
    blockTag: "latest",
  });
}

/** Who is asking, decided afresh for this request: null without a valid session. */
export async function studioViewer(sessionToken: string | undefined): Promise<StudioViewer | null> {
  const session = await readSession(sessionToken);
  if (!session) return null;
  const db = await serverDatabase();
  const [writer, editor] = await Promise.all([isWriter(db, session.address), isEditor(session.address)]);
  return { address: session.address, isWriter: writer, isEditor: editor };
}
