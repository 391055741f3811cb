import { type NextRequest, NextResponse } from "next/server";
import { unlessAuthUnavailable } from "@/server/authUnavailable.ts";
import { readSession, SESSION_COOKIE } from "@/server/session.ts";

/** 200 with the session, or 401 when there is none (no cookie, or a forged, expired or ended token); 503 while the database is down. */
export async function GET(request: NextRequest) {
  return unlessAuthUnavailable(async () => {
    const session = await readSession(request.cookies.get(SESSION_COOKIE)?.value);
    const headers = { "Cache-Control": "private, no-store" };
    if (!session) return NextResponse.json({ authenticated: false }, { status: 401, headers });
    const { address, chainId, expiresAt } = session;
    return NextResponse.json({ authenticated: true, address, chainId, expiresAt }, { headers });
  });
}
