"use client";
import { useCallback, useEffect, useRef, useState } from "react";
import type { Locale } from "@/i18n/messages.ts";
import { studioFetch } from "./studioFetch.ts";

export type SaveStatus = "saved" | "saving" | "unsaved" | "conflict";

export interface DraftBody {
  markdown: string;
  frontmatter: Record<string, unknown>;
}

const AUTOSAVE_MS = 2_000;
// Browsers carry at most 64 KB in a request sent while the page closes; above that the copy kept
// in this browser (localStorage) is what survives, and the next visit restores it.
const KEEPALIVE_LIMIT = 60_000;
/** JSON with object keys sorted: the database's jsonb keeps its own key order. */
const canonical = (value: unknown): string =>
  Array.isArray(value)
    ? `[${value.map(canonical).join(",")}]`
    : typeof value === "object" && value !== null
      ? `{${Object.keys(value)
          .sort()
          .map((key) => `${JSON.stringify(key)}:${canonical((value as Record<string, unknown>)[key])}`)
          .join(",")}}`
      : JSON.stringify(value);
const sameContent = (a: DraftBody, b: DraftBody) => a.markdown === b.markdown && canonical(a.frontmatter) === canonical(b.frontmatter);

const backupKey = (id: string) => `topnftpost.studio.draft.${id}`;

interface Backup extends DraftBody {
  baseVersion: number;
}

/**
 * Saves a draft every couple of seconds while it changes and when the page is left, always naming
 * the version it was loaded at: if another tab saved since, the server refuses (409) and this
 * page stops saving and says so, never overwriting the other tab's text.
 */
export function useAutosave(locale: Locale, id: string, loaded: DraftBody & { version: number }, editable: boolean) {
  const [status, setStatus] = useState<SaveStatus>("saved");
  const [problem, setProblem] = useState<{ field: string; problem: string } | null | undefined>(undefined);
  const [refusal, setRefusal] = useState<string | null>(null);
  const [restored, setRestored] = useState<DraftBody | null>(null);
  const version = useRef(loaded.version);
  const current = useRef<DraftBody>(loaded);
  const dirty = useRef(false);
  const saving = useRef(false);
  const conflict = useRef(false);

  // A copy this browser kept of text the server never got (a closed tab, a lost connection).
  useEffect(() => {
    const raw = localStorage.getItem(backupKey(id));
    if (!raw || !editable) return;
    const backup = JSON.parse(raw) as Backup;
    if (backup.baseVersion !== loaded.version) return localStorage.removeItem(backupKey(id));
    if (sameContent(backup, loaded)) return localStorage.removeItem(backupKey(id));
    current.current = { markdown: backup.markdown, frontmatter: backup.frontmatter };
    dirty.current = true;
    setStatus("unsaved");
    setRestored(current.current);
  }, [id, editable, loaded]);

  const save = useCallback(async () => {
    if (!dirty.current || saving.current || conflict.current || !editable) return;
    saving.current = true;
    dirty.current = false;
    const sent = current.current;
    setStatus("saving");
    try {
      const result = await studioFetch(locale, `/api/studio/drafts/${id}`, { method: "PUT", json: { ...sent, version: version.current } });
      if (result.status === 409 && result.body.error === "studio.error.conflict") {
        // The newer version may be this very text: sent as the page was left (keepalive) and
        // loaded back by a reload that was faster. Then there is nothing to protect.
        const newer = result.body.current as (DraftBody & { version: number }) | undefined;
        if (newer && sameContent(newer, sent)) {
          version.current = newer.version;
          if (!dirty.current) localStorage.removeItem(backupKey(id));
          setStatus(dirty.current ? "unsaved" : "saved");
          return;
        }
        conflict.current = true;
        setRefusal(result.problem);
        setStatus("conflict");
        return;
      }
      if (result.problem) {
        dirty.current = true;
        setRefusal(result.problem);
        setStatus("unsaved");
        return;
      }
      setRefusal(null);
      version.current = (result.body.draft as { version: number }).version;
      setProblem((result.body.problem as typeof problem) ?? null);
      if (dirty.current) {
        localStorage.setItem(backupKey(id), JSON.stringify({ ...current.current, baseVersion: version.current }));
      } else {
        localStorage.removeItem(backupKey(id));
      }
      setStatus(dirty.current ? "unsaved" : "saved");
    } catch {
      dirty.current = true; // offline: the copy in localStorage holds it until the next try
      setStatus("unsaved");
    } finally {
      saving.current = false;
    }
  }, [editable, id, locale]);

  const change = useCallback(
    (body: DraftBody) => {
      current.current = body;
      if (!editable || conflict.current) return;
      dirty.current = true;
      setStatus("unsaved");
      localStorage.setItem(backupKey(id), JSON.stringify({ ...body, baseVersion: version.current }));
    },
    [editable, id],
  );

  useEffect(() => {
    const timer = setInterval(save, AUTOSAVE_MS);
    const leave = () => {
      if (!dirty.current || conflict.current || saving.current) return;
      const body = JSON.stringify({ ...current.current, version: version.current });
      if (body.length > KEEPALIVE_LIMIT) return;
      fetch(`/api/studio/drafts/${id}`, { method: "PUT", body, headers: { "content-type": "application/json" }, keepalive: true });
    };
    // A tab put in the background saves as usual (it may never come back); pagehide is the last chance.
    const hidden = () => {
      if (document.visibilityState === "hidden") save();
    };
    window.addEventListener("pagehide", leave);
    document.addEventListener("visibilitychange", hidden);
    return () => {
      clearInterval(timer);
      window.removeEventListener("pagehide", leave);
      document.removeEventListener("visibilitychange", hidden);
    };
  }, [id, save]);

  return { status, problem, refusal, restored, change, save, version };
}
