import { type NextRequest, NextResponse } from "next/server";
import { premiumAccess } from "@/server/premiumAccess.ts";
import { SESSION_COOKIE } from "@/server/session.ts";

export async function GET(request: NextRequest, { params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const { status, body } = await premiumAccess(id, request.cookies.get(SESSION_COOKIE)?.value);
  // Premium text is per reader: never stored by a browser, proxy or CDN.
  return NextResponse.json(body, { status, headers: { "Cache-Control": "private, no-store", Vary: "Cookie" } });
}
