import type { Hex } from "viem";
import type { Locale } from "../../i18n/messages.ts";
import type { Ballot } from "./ballot.ts";
import type { VoteProgress } from "./relayVote.ts";

// The page's side of the relay: post a signed ballot, then poll its progress until it settles.

export const VOTES_ROUTE = "/api/dao/votes";
const POLL_MS = 1_000;

export type RelayReply = { ok: true; progress: VoteProgress } | { ok: false; message: Record<Locale, string>; progress?: VoteProgress };

/** Posts the signed ballot; a refusal comes back in both languages (an already relayed vote with its progress). */
export async function postSignedVote(ballot: Ballot, signature: Hex): Promise<RelayReply> {
  const response = await fetch(VOTES_ROUTE, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ ...ballot, proposalId: ballot.proposalId.toString(), signature }),
  });
  const body = await response.json().catch(() => null);
  if (response.status === 202) return { ok: true, progress: body as VoteProgress };
  const message = body?.error?.message ?? { en: `The relay answered ${response.status}.`, ko: `릴레이 응답: ${response.status}` };
  return { ok: false, message, progress: body?.id ? (body as VoteProgress) : undefined };
}

/** Calls `onProgress` with each new state until the vote is confirmed or failed, or `signal` aborts. */
export async function followRelayedVote(id: string, onProgress: (progress: VoteProgress) => void, signal: AbortSignal) {
  let last: string | undefined;
  while (!signal.aborted) {
    const response = await fetch(`${VOTES_ROUTE}/${encodeURIComponent(id)}`, { signal, cache: "no-store" }).catch(() => null);
    if (response?.ok) {
      const progress = (await response.json()) as VoteProgress;
      if (progress.state !== last) onProgress(progress);
      last = progress.state;
      if (progress.state === "confirmed" || progress.state === "failed") return;
    }
    await new Promise((resolve) => setTimeout(resolve, POLL_MS));
  }
}
