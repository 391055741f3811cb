import type { DraftState } from "../db/schema.ts";

// Who may do what in the studio. Roles are decided per request (studioViewer.ts): a writer is a
// signed-in wallet on the writers list, an editor holds PUBLISHER_ROLE at the latest block.

export interface StudioViewer {
  address: string;
  isWriter: boolean;
  isEditor: boolean;
}

interface DraftFacts {
  owner: string;
  state: DraftState;
}

/** States a writer may still edit (and delete, before it was ever submitted). */
export const EDITABLE_STATES: readonly DraftState[] = ["draft", "changes_requested"];

export const inTeam = (viewer: StudioViewer) => viewer.isWriter || viewer.isEditor;

/** A writer sees their own drafts; an editor also sees every draft once it was submitted. */
export const canRead = (viewer: StudioViewer, draft: DraftFacts) =>
  inTeam(viewer) && (draft.owner === viewer.address || (viewer.isEditor && draft.state !== "draft"));

/**
 * The draft's writer edits it while it is not under review or published; once published, only an
 * editor does, to revise the article (studioRevise.ts): writers cannot revise.
 */
export const canEdit = (viewer: StudioViewer, draft: DraftFacts) =>
  inTeam(viewer) &&
  ((draft.owner === viewer.address && EDITABLE_STATES.includes(draft.state)) || (viewer.isEditor && draft.state === "published"));

/** The writer, or an editor once it was submitted. */
export const canComment = canRead;

export const canReview = (viewer: StudioViewer, draft: DraftFacts) => viewer.isEditor && draft.state === "in_review";
