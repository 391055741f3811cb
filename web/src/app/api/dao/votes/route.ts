import { type NextRequest, NextResponse } from "next/server";
import { relayVote } from "@/dao/relay/relayVote.ts";
import { refusal } from "@/dao/relay/refusal.ts";
import { readJsonAtMost } from "@/server/readJsonBody.ts";
import { clientIp, serverVoteRelay } from "@/server/voteRelay.ts";

/** A vote with the longest reason, as JSON escapes could spell it, and a contract wallet's signature. */
const MAX_BODY_BYTES = 32 * 1024;

/** Relays a member's signed vote (see web/src/dao/relay/relayVote.ts): 202 with its progress, or a refusal. */
export async function POST(request: NextRequest) {
  const read = await readJsonAtMost(request, MAX_BODY_BYTES);
  if (!read.ok) {
    const tooLarge = refusal(413, "relay.badRequest", { detail: `the request is larger than ${MAX_BODY_BYTES / 1024} KB` });
    return NextResponse.json({ error: tooLarge }, { status: 413 });
  }
  const body = read.value;
  const relay = await serverVoteRelay().catch((error) => {
    console.error(`Vote relay: ${(error as Error).message}`);
    return null;
  });
  if (!relay) return NextResponse.json({ error: refusal(503, "relay.notConfigured") }, { status: 503 });
  const answer = await relayVote(relay, { body, ip: clientIp(request.headers) });
  return NextResponse.json(answer.body, { status: answer.status, headers: answer.headers });
}
