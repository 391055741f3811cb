"use client";
import { useRouter } from "next/navigation";
import { useEffect, useRef, useState } from "react";
import { format, type Locale, MESSAGES } from "@/i18n/messages.ts";
import { type FrontmatterForm, formOf, frontmatterOf } from "./draftForm.ts";
import { DraftImagePicker } from "./DraftImagePicker.tsx";
import { DraftPreview } from "./DraftPreview.tsx";
import { FrontmatterFields } from "./FrontmatterFields.tsx";
import { ReviewComments, type Comment } from "./ReviewComments.tsx";
import { studioFetch } from "./studioFetch.ts";
import { useAutosave } from "./useAutosave.ts";
import { useDraftImages } from "./useDraftImages.ts";

export interface EditorDraft {
  id: string;
  owner: string;
  markdown: string;
  frontmatter: Record<string, unknown>;
  state: string;
  version: number;
}

/** The draft editor: details form, Markdown, live preview, autosave, submit, and the review thread. */
export function DraftEditor(props: {
  locale: Locale;
  draft: EditorDraft;
  problem: { field: string; problem: string } | null;
  editable: boolean;
  isOwner: boolean;
  isEditor: boolean;
  comments: Comment[];
  gatewayUrl: string;
}) {
  const { locale, draft, editable } = props;
  const t = MESSAGES[locale];
  const router = useRouter();
  const [loaded] = useState(() => ({ markdown: draft.markdown, frontmatter: draft.frontmatter, version: draft.version }));
  const autosave = useAutosave(locale, draft.id, loaded, editable);
  const [form, setForm] = useState<FrontmatterForm>(() => formOf(autosave.restored?.frontmatter ?? draft.frontmatter, locale));
  const [markdown, setMarkdown] = useState(draft.markdown);
  const [submitProblem, setSubmitProblem] = useState<string | null>(null);
  const [shownRestore, setShownRestore] = useState(false);
  // The CLI checks as of the last save (the page load's until this page saved).
  const problem = autosave.problem === undefined ? props.problem : autosave.problem;

  // Text kept in this browser and never saved: put it back in the fields once.
  if (autosave.restored && !shownRestore) {
    setShownRestore(true);
    setMarkdown(autosave.restored.markdown);
    setForm(formOf(autosave.restored.frontmatter, locale));
  }

  const changeForm = (next: FrontmatterForm) => {
    setForm(next);
    autosave.change({ markdown, frontmatter: frontmatterOf(next) });
  };
  const changeMarkdown = (next: string) => {
    setMarkdown(next);
    autosave.change({ markdown: next, frontmatter: frontmatterOf(form) });
  };
  // An image arrives after its upload: inserted at the cursor of the text as it is then.
  const textarea = useRef<HTMLTextAreaElement>(null);
  const caret = useRef<number | null>(null);
  const formNow = useRef(form);
  formNow.current = form;
  const images = useDraftImages({
    locale,
    draftId: draft.id,
    enabled: editable,
    insert: (snippet) => {
      const value = textarea.current?.value ?? markdown;
      const at = textarea.current?.selectionEnd ?? value.length;
      const next = value.slice(0, at) + snippet + value.slice(at);
      caret.current = at + snippet.length;
      setMarkdown(next);
      autosave.change({ markdown: next, frontmatter: frontmatterOf(formNow.current) });
    },
  });
  // The cursor stays after an inserted image (once the text shows it), so the next one follows it.
  useEffect(() => {
    if (caret.current === null || textarea.current?.value !== markdown) return;
    textarea.current.setSelectionRange(caret.current, caret.current);
    caret.current = null;
  }, [markdown]);

  const submit = async () => {
    await autosave.save();
    const result = await studioFetch(locale, `/api/studio/drafts/${draft.id}/submit`, { method: "POST", json: {} });
    setSubmitProblem(result.problem);
    if (!result.problem) router.refresh();
  };

  const statusText = {
    saved: t["studio.editor.saved"],
    saving: t["studio.editor.saving"],
    unsaved: t["studio.editor.unsaved"],
    conflict: t["studio.error.conflict"],
  }[autosave.status];

  return (
    <div className="studio-editor">
      {!editable && (
        <p className="muted" data-testid="read-only">
          {format(t["studio.editor.readOnly"], { state: t[`studio.state.${draft.state}` as keyof typeof t] })}
        </p>
      )}
      {editable && (
        <p
          aria-live="polite"
          data-testid="save-status"
          data-status={autosave.status}
          className={autosave.status === "conflict" ? "tx-failed" : "muted"}
        >
          {statusText}
        </p>
      )}
      {autosave.status === "conflict" && (
        <p role="alert">
          <button type="button" onClick={() => window.location.reload()} data-testid="load-newer">
            {t["studio.editor.loadNewer"]}
          </button>
        </p>
      )}
      {autosave.restored && <p className="muted">{t["studio.editor.restored"]}</p>}
      {autosave.refusal && autosave.status !== "conflict" && <p role="alert">{autosave.refusal}</p>}
      <FrontmatterFields locale={locale} form={form} disabled={!editable} onChange={changeForm} />
      <label className="field">
        <span>{t["studio.editor.body"]}</span>
        <span className="muted">{t["studio.editor.bodyHint"]}</span>
        <textarea
          className="markdown-input"
          value={markdown}
          readOnly={!editable}
          rows={20}
          onChange={(event) => changeMarkdown(event.target.value)}
          data-testid="draft-markdown"
          ref={textarea}
          onDragOver={images.onDragOver}
          onDrop={images.onDrop}
          onPaste={images.onPaste}
        />
      </label>
      {editable && props.isOwner && <DraftImagePicker locale={locale} images={images} />}
      <p data-testid="draft-problem">{problem ? format(t["studio.editor.notReady"], problem) : t["studio.editor.ready"]}</p>
      {editable && props.isOwner && (
        <p>
          <button type="button" className="primary" onClick={submit} data-testid="submit-draft">
            {t["studio.editor.submit"]}
          </button>
          {submitProblem && <span role="alert"> {submitProblem}</span>}
        </p>
      )}
      <DraftPreview locale={locale} markdown={markdown} gatewayUrl={props.gatewayUrl} />
      <ReviewComments
        locale={locale}
        draftId={draft.id}
        initial={props.comments}
        canRequestChanges={props.isEditor && draft.state === "in_review"}
        onRequested={() => router.refresh()}
      />
    </div>
  );
}
