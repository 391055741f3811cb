import "server-only";
import type { Kysely } from "kysely";
import { type NextRequest, NextResponse } from "next/server";
import type { Database } from "@/db/schema.ts";
import { inTeam, type StudioViewer } from "@/studio/studioAccess.ts";
import { refuse, type StudioAnswer } from "@/studio/studioAnswer.ts";
import { serverDatabase } from "../database.ts";
import { readJsonAtMost } from "../readJsonBody.ts";
import { SESSION_COOKIE } from "../session.ts";
import { unavailableService } from "../serviceUnavailable.ts";
import { isDatabaseOutage } from "@/db/isDatabaseOutage.ts";
import { studioViewer } from "./studioViewer.ts";

type Action = (db: Kysely<Database>, viewer: StudioViewer, body: unknown) => Promise<StudioAnswer | Response>;
/** How a route reads its body (JSON by default); `{ ok: false }` answers 413. */
type ReadBody = (request: NextRequest) => Promise<{ ok: true; value: unknown } | { ok: false }>;

// A 1 MB draft as JSON, with room for escapes and the frontmatter.
const MAX_BODY_BYTES = 3 * 1024 * 1024;
const HEADERS = { "Cache-Control": "private, no-store" };

/**
 * Answers a studio request: no session is refused before anything else, the role is read for this
 * request (the writers list, PUBLISHER_ROLE at the latest block), a body is read only from a team
 * member, then the action decides.
 */
export async function studioRoute(
  request: NextRequest,
  action: Action,
  readBody: ReadBody = (request) => readJsonAtMost(request, MAX_BODY_BYTES),
): Promise<Response> {
  let answer: StudioAnswer | Response;
  try {
    const viewer = await studioViewer(request.cookies.get(SESSION_COOKIE)?.value);
    if (!viewer) {
      answer = refuse(403, "studio.error.signIn");
    } else if (request.method !== "GET" && !inTeam(viewer)) {
      // Anyone can sign in: a wallet without a role is refused before its body (megabytes) is read.
      answer = refuse(403, "studio.error.notInTeam");
    } else {
      // Read no further than the limit: a chunked body states no content-length.
      const body = request.method === "GET" ? { ok: true as const, value: null } : await readBody(request);
      answer = body.ok ? await action(await serverDatabase(), viewer, body.value) : refuse(413, "studio.error.tooLarge");
    }
  } catch (error) {
    if (!unavailableService(error) && !isDatabaseOutage(error)) throw error;
    answer = refuse(503, "studio.error.unavailable");
  }
  // An action may answer with its own response (an image, a stream of progress).
  if (answer instanceof Response) return answer;
  return NextResponse.json(answer.body, { status: answer.status, headers: HEADERS });
}
