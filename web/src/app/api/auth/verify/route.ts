import { type NextRequest, NextResponse } from "next/server";
import { unlessAuthUnavailable } from "@/server/authUnavailable.ts";
import { serverTranslator } from "@/server/locale.ts";
import { readJsonAtMost } from "@/server/readJsonBody.ts";
import { SESSION_COOKIE, sessionCookieOptions, startSession } from "@/server/session.ts";
import { verifySignIn } from "@/server/verifySignIn.ts";

/** A message (4 KB at most) and its signature (a smart account's ERC-6492 one carries its deployment): ample. */
const MAX_BODY_BYTES = 64 * 1024;

export async function POST(request: NextRequest) {
  // Read no further than that: anyone may call this, and Next would hold a body of any size.
  const read = await readJsonAtMost(request, MAX_BODY_BYTES);
  if (!read.ok) {
    const { t } = await serverTranslator();
    return NextResponse.json({ error: t("auth.error.tooLarge") }, { status: 413, headers: { "Cache-Control": "no-store" } });
  }
  const body = read.value as { message?: unknown; signature?: unknown } | null;
  return unlessAuthUnavailable(async () => {
    const result = await verifySignIn(body?.message, body?.signature);
    if (!result.ok) return NextResponse.json({ error: result.error }, { status: result.status });
    const { token, expiresAt, maxAge } = await startSession(result.address, result.chainId, result.notAfter);
    const response = NextResponse.json({ address: result.address, chainId: result.chainId, expiresAt });
    response.cookies.set(SESSION_COOKIE, token, sessionCookieOptions(maxAge));
    return response;
  });
}
