import { type NextRequest, NextResponse } from "next/server";
import { unlessAuthUnavailable } from "@/server/authUnavailable.ts";
import { endSession, SESSION_COOKIE, sessionCookieOptions } from "@/server/session.ts";

export async function POST(request: NextRequest) {
  return unlessAuthUnavailable(async () => {
    // Clearing the cookie is not enough: a copy of the token (another tab, a thief) would still read.
    await endSession(request.cookies.get(SESSION_COOKIE)?.value);
    const response = NextResponse.json({ authenticated: false });
    response.cookies.set(SESSION_COOKIE, "", sessionCookieOptions(0));
    return response;
  });
}
