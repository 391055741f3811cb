import { type NextRequest, NextResponse } from "next/server";
import { z } from "zod";
import { coverageGovernorAbi } from "@/generated/contracts.ts";
import type { MessageKey } from "@/i18n/messages.ts";
import { ipfsClient, ipfsEndpoints } from "@/ipfs/ipfsEndpoints.ts";
import { daoAddresses } from "@/server/dao.ts";
import { readJsonAtMost } from "@/server/readJsonBody.ts";
import { chainClient } from "@/server/publication.ts";
import { readSession, SESSION_COOKIE } from "@/server/session.ts";

// Stores a coverage proposal's Markdown on IPFS for /dao/new. Only a signed-in member with enough
// votes to propose may store anything: the node is not a free pinning service.

const body = z.object({
  title: z.string().trim().min(1).max(120),
  markdown: z.string().min(1).max(20_000),
});

/** 20,000 characters of Markdown as JSON (up to 6 bytes each, escaped), the topic and the braces. */
const MAX_BODY_BYTES = 128 * 1024;

const refuse = (status: number, error: MessageKey, message: string) =>
  NextResponse.json({ error, message }, { status, headers: { "Cache-Control": "no-store" } });

export async function POST(request: NextRequest) {
  const session = await readSession(request.cookies.get(SESSION_COOKIE)?.value);
  if (!session) return refuse(401, "new.error.session", "Sign in first: only members can store a proposal's description.");
  const dao = daoAddresses();
  if (!dao) return refuse(404, "dao.notDeployed", "This publication has no coverage DAO on this chain.");
  // Read no further than a description can be (anyone may sign in; Next would hold any size).
  const read = await readJsonAtMost(request, MAX_BODY_BYTES);
  if (!read.ok) return refuse(413, "new.error.tooLarge", "The request is far larger than a topic and a 20,000-character description.");
  const parsed = body.safeParse(read.value);
  if (!parsed.success)
    return refuse(400, "new.error.input", "The topic (1-120 characters) or description (1-20,000) is missing or too long.");

  // The governor's own test for proposing: votes at the previous second against the threshold.
  let allowed: boolean;
  try {
    const governor = { address: dao.governor, abi: coverageGovernorAbi } as const;
    const client = chainClient();
    const [clock, threshold] = await Promise.all([
      client.readContract({ ...governor, functionName: "clock" }),
      client.readContract({ ...governor, functionName: "proposalThreshold" }),
    ]);
    const votes = await client.readContract({ ...governor, functionName: "getVotes", args: [session.address, BigInt(clock) - 1n] });
    allowed = votes >= threshold && votes > 0n;
  } catch {
    return refuse(503, "new.error.chain", "The chain did not answer; try again in a minute.");
  }
  if (!allowed) return refuse(403, "new.error.votes", "Your wallet has too few votes to propose.");

  try {
    const { apiUrl } = ipfsEndpoints();
    const { cid } = await ipfsClient(apiUrl, 15_000).add(`# ${parsed.data.title}\n\n${parsed.data.markdown}\n`, {
      cidVersion: 0,
      pin: true,
    });
    return NextResponse.json({ cid: cid.toString() }, { headers: { "Cache-Control": "no-store" } });
  } catch {
    return refuse(503, "new.error.ipfs", "IPFS did not store the description; try again in a minute.");
  }
}
