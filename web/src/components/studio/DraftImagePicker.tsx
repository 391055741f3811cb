"use client";
import { type Locale, MESSAGES } from "@/i18n/messages.ts";
import { STUDIO_IMAGE_TYPES } from "@/studio/draftLimits.ts";
import type { useDraftImages } from "./useDraftImages.ts";

/** The keyboard's way to add images (drop and paste work on the text), and what happened to the last one. */
export function DraftImagePicker({ locale, images }: { locale: Locale; images: ReturnType<typeof useDraftImages> }) {
  const t = MESSAGES[locale];
  return (
    <div className="studio-images">
      <label className="field">
        <span>{t["studio.image.add"]}</span>
        <span className="muted">{t["studio.image.hint"]}</span>
        <input
          type="file"
          accept={STUDIO_IMAGE_TYPES.join(",")}
          multiple
          data-testid="image-picker"
          onChange={async (event) => {
            const input = event.currentTarget;
            await images.addAll([...(input.files ?? [])]);
            input.value = "";
          }}
        />
      </label>
      {images.note && (
        <p role={images.note.problem ? "alert" : "status"} data-testid="image-note" className={images.note.problem ? "tx-failed" : "muted"}>
          {images.note.text}
        </p>
      )}
    </div>
  );
}
