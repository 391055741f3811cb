import "server-only";
import { cookies } from "next/headers";
import { serverDatabase } from "../database.ts";
import { SESSION_COOKIE } from "../session.ts";
import { studioViewer } from "./studioViewer.ts";

/** Who is looking at a studio page (role read for this request), with the database the page reads. */
export async function studioPageContext() {
  const viewer = await studioViewer((await cookies()).get(SESSION_COOKIE)?.value);
  return { viewer, db: await serverDatabase() };
}
