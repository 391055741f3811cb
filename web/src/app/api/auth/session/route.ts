import { type NextRequest, NextResponse } from "next/server";
import { readSession, SESSION_COOKIE } from "../../../../server/session.ts";

export async function GET(request: NextRequest) {
  const session = await readSession(request.cookies.get(SESSION_COOKIE)?.value);
  return NextResponse.json(session ? { authenticated: true, ...session } : { authenticated: false }, {
    headers: { "Cache-Control": "private, no-store" },
  });
}
