import type { UploadProgress } from "@/content/packageArticle.ts";
import { type Locale, MESSAGES } from "@/i18n/messages.ts";
import { parseDraftImageRef } from "@/studio/draftImageRefs.ts";

/** A file's name in the list: an image by the start of its hash, the other parts by their step. */
const fileName = (step: string) => {
  const image = step.startsWith("image:") ? parseDraftImageRef(step.slice("image:".length)) : null;
  return image ? `image ${image.sha256.slice(0, 8)}` : step.replace(/^image:/, "image ");
};

/** One progress bar per file a publish uploads, as the server reports the IPFS node taking its bytes. */
export function UploadProgressList({ locale, uploads }: { locale: Locale; uploads: UploadProgress[] }) {
  const t = MESSAGES[locale];
  if (uploads.length === 0) return null;
  return (
    <section aria-label={t["studio.publish.uploads"]}>
      <h3>{t["studio.publish.uploads"]}</h3>
      <ul className="upload-progress" data-testid="upload-progress">
        {uploads.map((upload) => {
          const name = fileName(upload.step);
          const percent = upload.done ? 100 : upload.total > 0 ? Math.floor((100 * upload.bytes) / upload.total) : 0;
          return (
            <li key={upload.step} data-testid="upload-progress-item" data-step={upload.step} data-done={upload.done}>
              <span>{name}</span>{" "}
              <progress max={100} value={percent} aria-label={name}>
                {percent}%
              </progress>{" "}
              <span className="muted">
                {upload.reused ? t["studio.publish.uploadReused"] : `${(upload.total / 1024).toFixed(1)} KB · ${percent}%`}
              </span>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
