import { type NextRequest, NextResponse } from "next/server";
import { unlessAuthUnavailable } from "@/server/authUnavailable.ts";
import { SESSION_COOKIE, sessionCookieOptions, startSession } from "@/server/session.ts";
import { verifySignIn } from "@/server/verifySignIn.ts";

export async function POST(request: NextRequest) {
  const body = await request.json().catch(() => null);
  return unlessAuthUnavailable(async () => {
    const result = await verifySignIn(body?.message, body?.signature);
    if (!result.ok) return NextResponse.json({ error: result.error }, { status: result.status });
    const { token, expiresAt, maxAge } = await startSession(result.address, result.chainId, result.notAfter);
    const response = NextResponse.json({ address: result.address, chainId: result.chainId, expiresAt });
    response.cookies.set(SESSION_COOKIE, token, sessionCookieOptions(maxAge));
    return response;
  });
}
