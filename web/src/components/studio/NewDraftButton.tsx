"use client";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { format, type Locale, MESSAGES } from "@/i18n/messages.ts";
import { newDraftFrontmatter } from "./draftForm.ts";

/** Creates an empty draft (in the database only) and opens it. */
export function NewDraftButton({ locale, author }: { locale: Locale; author: string }) {
  const t = MESSAGES[locale];
  const router = useRouter();
  const [problem, setProblem] = useState<string | null>(null);
  const create = async () => {
    setProblem(null);
    const response = await fetch("/api/studio/drafts", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ markdown: "", frontmatter: newDraftFrontmatter(locale, author) }),
    });
    const body = await response.json();
    if (!response.ok) return setProblem(format(t[body.error as keyof typeof t] ?? body.error, body));
    router.push(`/studio/drafts/${body.draft.id}`);
  };
  return (
    <p>
      <button type="button" className="primary" onClick={create} data-testid="new-draft">
        {t["studio.newDraft"]}
      </button>
      {problem && <span role="alert">{problem}</span>}
    </p>
  );
}
