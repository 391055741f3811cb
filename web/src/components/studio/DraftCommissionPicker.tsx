"use client";
import { useId, useState } from "react";
import { type Locale, MESSAGES } from "@/i18n/messages.ts";
import { studioFetch } from "./studioFetch.ts";

/** Picks the open commission a draft answers; saved as soon as it changes. */
export function DraftCommissionPicker(props: {
  draftId: string;
  locale: Locale;
  value: string | null;
  options: { id: string; label: string }[];
}) {
  const t = MESSAGES[props.locale];
  const selectId = useId();
  const [value, setValue] = useState(props.value ?? "");
  const [note, setNote] = useState<{ ok: boolean; text: string } | null>(null);

  async function change(next: string) {
    const previous = value;
    setValue(next);
    setNote(null);
    const answer = await studioFetch(props.locale, `/api/studio/drafts/${props.draftId}/commission`, {
      method: "PUT",
      json: { commissionId: next || null },
    });
    if (answer.problem) setValue(previous);
    setNote(answer.problem ? { ok: false, text: answer.problem } : { ok: true, text: t["desk.draft.saved"] });
  }

  return (
    <p className="draft-commission">
      <label htmlFor={selectId}>{t["desk.draft.label"]}</label>{" "}
      <select id={selectId} value={value} onChange={(event) => change(event.target.value)} data-testid="draft-commission">
        <option value="">{t["desk.draft.none"]}</option>
        {props.options.map((option) => (
          <option key={option.id} value={option.id}>
            {option.label}
          </option>
        ))}
      </select>{" "}
      {note && (
        <span role={note.ok ? "status" : "alert"} data-testid="draft-commission-note">
          {note.text}
        </span>
      )}
    </p>
  );
}
