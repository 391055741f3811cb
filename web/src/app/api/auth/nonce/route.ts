import { NextResponse } from "next/server";
import { issueNonce } from "@/server/siweNonce.ts";

export async function GET() {
  return NextResponse.json({ nonce: await issueNonce() }, { headers: { "Cache-Control": "no-store" } });
}
