import { type NextRequest, NextResponse } from "next/server";
import { createSessionToken, SESSION_COOKIE, sessionCookieOptions } from "../../../../server/session.ts";
import { verifySignIn } from "../../../../server/verifySignIn.ts";

export async function POST(request: NextRequest) {
  const body = await request.json().catch(() => null);
  const result = await verifySignIn(body?.message, body?.signature);
  if (!result.ok) return NextResponse.json({ error: result.error }, { status: result.status });
  const { token, expiresAt } = await createSessionToken(result.address, result.chainId);
  const response = NextResponse.json({ address: result.address, chainId: result.chainId, expiresAt });
  response.cookies.set(SESSION_COOKIE, token, sessionCookieOptions(expiresAt - Math.floor(Date.now() / 1000)));
  return response;
}
