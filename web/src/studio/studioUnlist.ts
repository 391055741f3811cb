import { contractWrite } from "../contracts/contractWrite.ts";
import { articleEditionsAbi, articleEditionsConstants } from "../generated/contracts.ts";
import { utf8Bytes } from "./draftLimits.ts";
import { bigintsAsText } from "./publishCallJson.ts";
import type { StudioViewer } from "./studioAccess.ts";
import { ok, refuse, type StudioAnswer } from "./studioAnswer.ts";

// An editor unlists a published article: the server checks the role (at the latest block, for
// this request) and the reason, and answers the exact `unlist` call the editor's wallet signs.
// The contract checks both again; the index takes the article off the pages from its event.

/** The contract's limit on a reason, in UTF-8 bytes (a Korean syllable is three). */
export const MAX_UNLIST_REASON_BYTES = Number(articleEditionsConstants.MAX_UNLIST_REASON_BYTES);

/** The refusal a reason earns, or null when the contract will take it. */
export function unlistReasonProblem(reason: string): StudioAnswer | null {
  const bytes = utf8Bytes(reason);
  if (reason.trim().length === 0) return refuse(400, "studio.unlist.error.reasonRequired");
  if (bytes > MAX_UNLIST_REASON_BYTES) return refuse(400, "studio.unlist.error.reasonTooLong", { bytes, max: MAX_UNLIST_REASON_BYTES });
  return null;
}

export const unlistCall = (editions: `0x${string}`, articleId: bigint, reason: string) =>
  contractWrite({ address: editions, abi: articleEditionsAbi, functionName: "unlist", args: [articleId, reason] });

/** The `unlist` call for the editor's wallet, if this viewer may unlist `rawId` for `body.reason`. */
export function prepareUnlist(viewer: StudioViewer, rawId: string, body: unknown, editions: `0x${string}`): StudioAnswer {
  if (!viewer.isEditor) return refuse(403, "studio.error.editorsOnly");
  if (!/^[1-9]\d{0,19}$/.test(rawId)) return refuse(404, "studio.error.notFound");
  const reason = (body as { reason?: unknown } | null)?.reason;
  if (typeof reason !== "string") return refuse(400, "studio.unlist.error.reasonRequired");
  const problem = unlistReasonProblem(reason.trim());
  if (problem) return problem;
  return ok({ call: bigintsAsText(unlistCall(editions, BigInt(rawId), reason.trim())) });
}
