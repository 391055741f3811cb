import { type NextRequest, NextResponse } from "next/server";
import { relayVote } from "@/dao/relay/relayVote.ts";
import { refusal } from "@/dao/relay/refusal.ts";
import { clientIp, serverVoteRelay } from "@/server/voteRelay.ts";

/** Relays a member's signed vote (see web/src/dao/relay/relayVote.ts): 202 with its progress, or a refusal. */
export async function POST(request: NextRequest) {
  const body = await request.json().catch(() => null);
  const relay = await serverVoteRelay().catch((error) => {
    console.error(`Vote relay: ${(error as Error).message}`);
    return null;
  });
  if (!relay) return NextResponse.json({ error: refusal(503, "relay.notConfigured") }, { status: 503 });
  const answer = await relayVote(relay, { body, ip: clientIp(request.headers) });
  return NextResponse.json(answer.body, { status: answer.status, headers: answer.headers });
}
