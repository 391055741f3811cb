"use client";
import { useState } from "react";
import { type Locale, MESSAGES } from "@/i18n/messages.ts";
import { shortAddress } from "@/i18n/formatting.ts";
import { studioFetch } from "./studioFetch.ts";

export interface Comment {
  id: string;
  author: string;
  body: string;
}

/** The review thread: the writer and the editors comment; an editor may send the draft back with a note. */
export function ReviewComments(props: {
  locale: Locale;
  draftId: string;
  initial: Comment[];
  canRequestChanges: boolean;
  onRequested: () => void;
}) {
  const t = MESSAGES[props.locale];
  const [comments, setComments] = useState(props.initial);
  const [text, setText] = useState("");
  const [problem, setProblem] = useState<string | null>(null);
  const post = async (path: "comments" | "request-changes") => {
    const result = await studioFetch(props.locale, `/api/studio/drafts/${props.draftId}/${path}`, { method: "POST", json: { body: text } });
    setProblem(result.problem);
    if (result.problem) return;
    setText("");
    if (path === "comments") setComments([...comments, result.body.comment as Comment]);
    else props.onRequested();
  };
  return (
    <section aria-labelledby="comments-title">
      <h2 id="comments-title">{t["studio.editor.comments"]}</h2>
      {comments.length === 0 && <p>{t["studio.editor.noComments"]}</p>}
      <ul data-testid="comments">
        {comments.map((comment) => (
          <li key={comment.id}>
            <strong>{shortAddress(comment.author)}</strong>: {comment.body}
          </li>
        ))}
      </ul>
      <label className="field">
        <span>{t["studio.editor.comment"]}</span>
        <textarea value={text} rows={3} onChange={(event) => setText(event.target.value)} data-testid="comment-text" />
      </label>
      <p>
        <button type="button" onClick={() => post("comments")} data-testid="add-comment">
          {t["studio.editor.addComment"]}
        </button>{" "}
        {props.canRequestChanges && (
          <button type="button" onClick={() => post("request-changes")} data-testid="request-changes">
            {t["studio.editor.requestChanges"]}
          </button>
        )}
      </p>
      {problem && <p role="alert">{problem}</p>}
    </section>
  );
}
