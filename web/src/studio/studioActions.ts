import type { Kysely } from "kysely";
import { getAddress, isAddress } from "viem";
import type { Database } from "../db/schema.ts";
import { draftProblem } from "./draftSource.ts";
import {
  DEFAULT_STUDIO_LIMITS,
  MAX_COMMENT_CHARACTERS,
  MAX_DRAFT_FRONTMATTER_BYTES,
  MAX_DRAFT_MARKDOWN_BYTES,
  type StudioLimits,
  utf8Bytes,
} from "./draftLimits.ts";
import * as drafts from "./draftStore.ts";
import { canComment, canEdit, canRead, canReview, EDITABLE_STATES, inTeam, type StudioViewer } from "./studioAccess.ts";
import { ok, refuse, type StudioAnswer } from "./studioAnswer.ts";
import * as writers from "./writerStore.ts";

// What each studio route does, given who asks (already decided for this request) and the
// request's JSON. Every refusal happens before anything is written.

type Db = Kysely<Database>;

const NOT_IN_TEAM = refuse(403, "studio.error.notInTeam");

/** A draft's content from a request body, or the refusal it earns. */
function contentOf(body: unknown): drafts.DraftContent | StudioAnswer {
  const { markdown = "", frontmatter = {} } = (body ?? {}) as Record<string, unknown>;
  if (typeof markdown !== "string") return refuse(400, "studio.error.badInput", { detail: "markdown must be a string" });
  if (typeof frontmatter !== "object" || frontmatter === null || Array.isArray(frontmatter)) {
    return refuse(400, "studio.error.badInput", { detail: "frontmatter must be an object" });
  }
  if (utf8Bytes(markdown) > MAX_DRAFT_MARKDOWN_BYTES) return refuse(413, "studio.error.tooLarge");
  if (utf8Bytes(JSON.stringify(frontmatter)) > MAX_DRAFT_FRONTMATTER_BYTES) {
    return refuse(413, "studio.error.badInput", { detail: "frontmatter is larger than 64 KB" });
  }
  return { markdown, frontmatter: frontmatter as Record<string, unknown> };
}

const isAnswer = (value: unknown): value is StudioAnswer => typeof value === "object" && value !== null && "status" in value;

/** The draft `id` if the viewer may read it, else the refusal. */
async function readable(db: Db, viewer: StudioViewer, id: string) {
  if (!inTeam(viewer)) return NOT_IN_TEAM;
  const draft = await drafts.readDraft(db, id);
  if (!draft) return refuse(404, "studio.error.notFound");
  if (!canRead(viewer, draft)) return refuse(403, "studio.error.notYours");
  return draft;
}

const withProblem = (draft: drafts.Draft) => ({
  draft,
  problem: draftProblem({ markdown: draft.markdown, frontmatter: draft.frontmatter as Record<string, unknown> }),
});

export async function listMyDrafts(db: Db, viewer: StudioViewer): Promise<StudioAnswer> {
  if (!inTeam(viewer)) return NOT_IN_TEAM;
  return ok({ viewer, drafts: await drafts.listDrafts(db, viewer.address, viewer.isEditor) });
}

const tooManyDrafts = (limits: StudioLimits) => refuse(409, "studio.error.tooManyDrafts", { max: limits.maxOpenDrafts });
const tooManyComments = (limits: StudioLimits) => refuse(409, "studio.error.tooManyComments", { max: limits.maxCommentsPerDraft });

export async function createDraft(db: Db, viewer: StudioViewer, body: unknown, limits = DEFAULT_STUDIO_LIMITS): Promise<StudioAnswer> {
  if (!inTeam(viewer)) return NOT_IN_TEAM;
  const content = contentOf(body);
  if (isAnswer(content)) return content;
  const draft = await drafts.createDraft(db, viewer.address, content, limits.maxOpenDrafts);
  return draft ? ok({ draft }, 201) : tooManyDrafts(limits);
}

export async function getDraft(db: Db, viewer: StudioViewer, id: string): Promise<StudioAnswer> {
  const draft = await readable(db, viewer, id);
  if (isAnswer(draft)) return draft;
  return ok({ ...withProblem(draft), comments: await drafts.listComments(db, id), editable: canEdit(viewer, draft) });
}

/** Saves the writer's text if the draft is still at the version their page loaded (else 409 with the newer one). */
export async function saveDraft(db: Db, viewer: StudioViewer, id: string, body: unknown): Promise<StudioAnswer> {
  const draft = await readable(db, viewer, id);
  if (isAnswer(draft)) return draft;
  if (!canEdit(viewer, draft)) {
    return draft.owner === viewer.address
      ? refuse(409, "studio.error.wrongState", { state: draft.state })
      : refuse(403, "studio.error.notYours");
  }
  const version = (body as { version?: unknown } | null)?.version;
  if (!Number.isInteger(version)) return refuse(400, "studio.error.badInput", { detail: "version must be the draft's version" });
  const content = contentOf(body);
  if (isAnswer(content)) return content;
  const result = await drafts.saveDraft(db, id, version as number, content);
  if (!result.saved) return refuse(409, "studio.error.conflict", { current: result.current });
  // The page has the text it sent: the answer carries only what changed (an autosave runs every few seconds).
  const { markdown: _markdown, frontmatter: _frontmatter, ...saved } = result.draft;
  return ok({ draft: saved, problem: draftProblem(content) });
}

export async function deleteDraft(db: Db, viewer: StudioViewer, id: string): Promise<StudioAnswer> {
  const draft = await readable(db, viewer, id);
  if (isAnswer(draft)) return draft;
  if (draft.owner !== viewer.address) return refuse(403, "studio.error.notYours");
  if (!(await drafts.deleteDraft(db, id, ["draft"]))) return refuse(409, "studio.error.wrongState", { state: draft.state });
  return ok({ deleted: id });
}

/** Sends a draft to the editors, if it would pass the CLI's checks. */
export async function submitDraft(db: Db, viewer: StudioViewer, id: string): Promise<StudioAnswer> {
  const draft = await readable(db, viewer, id);
  if (isAnswer(draft)) return draft;
  if (draft.owner !== viewer.address) return refuse(403, "studio.error.notYours");
  const { problem } = withProblem(draft);
  if (problem) return refuse(422, "studio.error.invalid", problem);
  const moved = await drafts.moveDraft(db, id, EDITABLE_STATES, "in_review");
  if (!moved) return refuse(409, "studio.error.wrongState", { state: draft.state });
  return ok({ draft: moved });
}

export async function requestChanges(
  db: Db,
  viewer: StudioViewer,
  id: string,
  body: unknown,
  limits = DEFAULT_STUDIO_LIMITS,
): Promise<StudioAnswer> {
  const draft = await readable(db, viewer, id);
  if (isAnswer(draft)) return draft;
  if (!viewer.isEditor) return refuse(403, "studio.error.editorsOnly");
  if (!canReview(viewer, draft)) return refuse(409, "studio.error.wrongState", { state: draft.state });
  const note = commentOf(body);
  if (isAnswer(note)) return note;
  // The note is refused before the draft moves, so a refusal leaves it in review.
  if (note && (await drafts.countComments(db, id)) >= limits.maxCommentsPerDraft) return tooManyComments(limits);
  const moved = await drafts.moveDraft(db, id, ["in_review"], "changes_requested");
  if (!moved) return refuse(409, "studio.error.wrongState", { state: draft.state });
  if (note) await drafts.addComment(db, id, viewer.address, note, limits.maxCommentsPerDraft);
  return ok({ draft: moved });
}

function commentOf(body: unknown): string | StudioAnswer {
  const text = (body as { body?: unknown } | null)?.body ?? "";
  if (typeof text !== "string") return refuse(400, "studio.error.badInput", { detail: "body must be a string" });
  if (text.length > MAX_COMMENT_CHARACTERS)
    return refuse(413, "studio.error.badInput", { detail: `a comment is at most ${MAX_COMMENT_CHARACTERS} characters` });
  return text.trim();
}

export async function listComments(db: Db, viewer: StudioViewer, id: string): Promise<StudioAnswer> {
  const draft = await readable(db, viewer, id);
  if (isAnswer(draft)) return draft;
  return ok({ comments: await drafts.listComments(db, id) });
}

export async function addComment(
  db: Db,
  viewer: StudioViewer,
  id: string,
  body: unknown,
  limits = DEFAULT_STUDIO_LIMITS,
): Promise<StudioAnswer> {
  const draft = await readable(db, viewer, id);
  if (isAnswer(draft)) return draft;
  if (!canComment(viewer, draft)) return refuse(403, "studio.error.notYours");
  const text = commentOf(body);
  if (isAnswer(text)) return text;
  if (!text) return refuse(400, "studio.error.badInput", { detail: "the comment is empty" });
  const comment = await drafts.addComment(db, id, viewer.address, text, limits.maxCommentsPerDraft);
  return comment ? ok({ comment }, 201) : tooManyComments(limits);
}

export async function listTeam(db: Db, viewer: StudioViewer): Promise<StudioAnswer> {
  if (!viewer.isEditor) return refuse(403, "studio.error.editorsOnly");
  return ok({ writers: await writers.listWriters(db) });
}

function addressOf(value: unknown): string | StudioAnswer {
  if (typeof value !== "string" || !isAddress(value, { strict: false })) {
    return refuse(400, "studio.error.badInput", { detail: "address must be a 0x-prefixed 20-byte address" });
  }
  return getAddress(value);
}

export async function addWriter(db: Db, viewer: StudioViewer, body: unknown): Promise<StudioAnswer> {
  if (!viewer.isEditor) return refuse(403, "studio.error.editorsOnly");
  const address = addressOf((body as { address?: unknown } | null)?.address);
  if (isAnswer(address)) return address;
  await writers.addWriter(db, address, viewer.address);
  return ok({ writers: await writers.listWriters(db) }, 201);
}

export async function removeWriter(db: Db, viewer: StudioViewer, rawAddress: string): Promise<StudioAnswer> {
  if (!viewer.isEditor) return refuse(403, "studio.error.editorsOnly");
  const address = addressOf(rawAddress);
  if (isAnswer(address)) return address;
  await writers.removeWriter(db, address);
  return ok({ writers: await writers.listWriters(db) });
}

/**
 * Says which open commission of the coverage DAO a draft answers (`commissionId`, or null for
 * none): its writer while they may edit it, or an editor while it is in review. `isOpen` asks the
 * desk whether the commission still waits for an article.
 */
export async function answerCommission(
  db: Db,
  viewer: StudioViewer,
  id: string,
  body: unknown,
  isOpen: (commissionId: bigint) => Promise<boolean>,
): Promise<StudioAnswer> {
  const draft = await readable(db, viewer, id);
  if (isAnswer(draft)) return draft;
  const states = canEdit(viewer, draft) ? EDITABLE_STATES : canReview(viewer, draft) ? (["in_review"] as const) : null;
  if (!states) {
    return draft.owner === viewer.address || viewer.isEditor
      ? refuse(409, "studio.error.wrongState", { state: draft.state })
      : refuse(403, "studio.error.notYours");
  }
  const raw = (body as { commissionId?: unknown } | null)?.commissionId;
  if (raw !== null && !(typeof raw === "string" && /^[1-9]\d{0,19}$/.test(raw))) {
    return refuse(400, "studio.error.badInput", { detail: "commissionId must be a commission's number, or null" });
  }
  if (raw !== null && !(await isOpen(BigInt(raw)))) return refuse(422, "desk.draft.notOpen", { commissionId: raw });
  const saved = await drafts.setDraftCommission(db, id, states, raw);
  if (!saved) return refuse(409, "studio.error.wrongState", { state: draft.state });
  return ok({ draft: saved });
}
