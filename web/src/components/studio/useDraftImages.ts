"use client";
import { type ClipboardEvent, type DragEvent, useState } from "react";
import { format, type Locale, MESSAGES } from "@/i18n/messages.ts";
import { imageMarkdown } from "@/studio/draftImageRefs.ts";
import { ImageMetadataError, stripImageMetadata } from "@/studio/images/stripImageMetadata.ts";
import { studioFetch } from "./studioFetch.ts";

const STRIP_PROBLEMS = {
  "unknown-type": "studio.image.error.wrongType",
  malformed: "studio.image.error.malformed",
  "avif-metadata": "studio.image.error.avifMetadata",
} as const;

/**
 * Images into a draft by drop, paste or a file picker: each file's metadata (GPS, camera, time) is
 * removed here, in the browser, before any byte leaves it; the server stores it with the draft and
 * the Markdown gets its draft-local link where the cursor was.
 */
export function useDraftImages(props: {
  locale: Locale;
  draftId: string;
  enabled: boolean;
  /** Inserts Markdown at the text's cursor (or at its end). */
  insert: (markdown: string) => void;
}) {
  const { locale, draftId, enabled, insert } = props;
  const t = MESSAGES[locale];
  const [note, setNote] = useState<{ text: string; problem: boolean } | null>(null);

  async function add(file: File) {
    setNote({ text: format(t["studio.image.uploading"], { name: file.name }), problem: false });
    let stripped: ReturnType<typeof stripImageMetadata>;
    try {
      stripped = stripImageMetadata(new Uint8Array(await file.arrayBuffer()));
    } catch (error) {
      if (!(error instanceof ImageMetadataError)) throw error;
      const key = error.code === "unknown-type" ? "studio.image.error.type" : STRIP_PROBLEMS[error.code];
      return setNote({ text: format(t[key], { name: file.name }), problem: true });
    }
    const answer = await studioFetch(locale, `/api/studio/drafts/${draftId}/images`, {
      method: "POST",
      body: stripped.bytes as Uint8Array<ArrayBuffer>,
      headers: { "content-type": stripped.type },
    });
    if (answer.problem) return setNote({ text: answer.problem, problem: true });
    const image = answer.body.image as { sha256: string; size: number };
    insert(`\n\n${imageMarkdown(draftId, image.sha256, file.name)}\n\n`);
    setNote({ text: format(t["studio.image.added"], { name: file.name, size: (image.size / 1024).toFixed(1) }), problem: false });
  }

  async function addAll(files: Iterable<File>) {
    for (const file of files) await add(file);
  }

  const imageFiles = (list: DataTransfer | null) => [...(list?.files ?? [])].filter((file) => file.type.startsWith("image/"));

  return {
    note,
    addAll,
    onDragOver: (event: DragEvent) => {
      if (enabled && event.dataTransfer.types.includes("Files")) event.preventDefault();
    },
    onDrop: (event: DragEvent) => {
      const files = imageFiles(event.dataTransfer);
      if (!enabled || files.length === 0) return;
      event.preventDefault();
      void addAll(files);
    },
    onPaste: (event: ClipboardEvent) => {
      const files = imageFiles(event.clipboardData);
      if (!enabled || files.length === 0) return;
      event.preventDefault();
      void addAll(files);
    },
  };
}
