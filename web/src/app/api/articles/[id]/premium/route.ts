import { type NextRequest, NextResponse } from "next/server";
import { RETRY_AFTER_SECONDS } from "@/server/pageOutcome.ts";
import { premiumAccess } from "@/server/premiumAccess.ts";
import { SESSION_COOKIE } from "@/server/session.ts";

export async function GET(request: NextRequest, { params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const { status, body } = await premiumAccess(id, request.cookies.get(SESSION_COOKIE)?.value);
  // Premium text is per reader: never stored by a browser, proxy or CDN.
  const headers: Record<string, string> = { "Cache-Control": "private, no-store", Vary: "Cookie" };
  if (status === 503) headers["Retry-After"] = String(RETRY_AFTER_SECONDS);
  return NextResponse.json(body, { status, headers });
}
