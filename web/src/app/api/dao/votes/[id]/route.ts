import { type NextRequest, NextResponse } from "next/server";
import { voteProgress } from "@/dao/relay/relayVote.ts";
import { serverVoteRelay } from "@/server/voteRelay.ts";

/** A relayed vote's progress (queued, sent with its hash, confirmed, failed), for the page to poll. */
export async function GET(_request: NextRequest, context: { params: Promise<{ id: string }> }) {
  const { id } = await context.params;
  try {
    const progress = await voteProgress(await serverVoteRelay(), id);
    if (!progress) return NextResponse.json({ error: "unknown vote" }, { status: 404 });
    return NextResponse.json(progress, { headers: { "Cache-Control": "no-store" } });
  } catch {
    return NextResponse.json({ error: "unavailable" }, { status: 503, headers: { "Retry-After": "5" } });
  }
}
