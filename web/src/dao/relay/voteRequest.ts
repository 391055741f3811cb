import { type Address, getAddress, type Hex, isAddress } from "viem";
import { z } from "zod";
import { type Ballot, MAX_REASON_LENGTH, type VoteSupport } from "./ballot.ts";
import { type Refusal, refusal } from "./refusal.ts";

/** What the page posts: the ballot as signed, and the signature. */
const schema = z.object({
  proposalId: z.string().regex(/^[1-9]\d{0,76}$/, "proposalId must be a proposal number"),
  support: z.union([z.literal(0), z.literal(1), z.literal(2)], { message: "support must be 0 (against), 1 (for) or 2 (abstain)" }),
  voter: z.string().refine((value) => isAddress(value), "voter must be an address"),
  reason: z.string().default(""),
  signature: z.string().regex(/^0x([0-9a-fA-F]{2})+$/, "signature must be hex"),
});

export type VoteRequest = { ballot: Ballot; signature: Hex };

/** The posted vote, or why it is refused before anything else is asked. */
export function parseVoteRequest(body: unknown): VoteRequest | Refusal {
  const parsed = schema.safeParse(body);
  if (!parsed.success) return refusal(400, "relay.badRequest", { detail: parsed.error.issues[0].message });
  const { proposalId, support, voter, reason, signature } = parsed.data;
  // The reason is sent exactly as signed (never trimmed): a changed byte would void the signature.
  if (reason.length > MAX_REASON_LENGTH) return refusal(400, "relay.reasonTooLong", { max: MAX_REASON_LENGTH });
  return {
    ballot: { proposalId: BigInt(proposalId), support: support as VoteSupport, voter: getAddress(voter) as Address, reason },
    signature: signature as Hex,
  };
}
