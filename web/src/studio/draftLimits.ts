/** A draft's Markdown at most 1 MB (UTF-8 bytes): far beyond any article, small enough to autosave often. */
export const MAX_DRAFT_MARKDOWN_BYTES = 1024 * 1024;
/** The frontmatter form's values, as JSON. */
export const MAX_DRAFT_FRONTMATTER_BYTES = 64 * 1024;
export const MAX_COMMENT_CHARACTERS = 10_000;
/** How much one team member may keep in the studio (`STUDIO_MAX_OPEN_DRAFTS`, `STUDIO_MAX_COMMENTS_PER_DRAFT`). */
export interface StudioLimits {
  /** Drafts not yet published (draft, in review, changes requested) one writer may hold at once. */
  maxOpenDrafts: number;
  /** Review comments one draft may carry. */
  maxCommentsPerDraft: number;
}
export const DEFAULT_STUDIO_LIMITS: StudioLimits = { maxOpenDrafts: 200, maxCommentsPerDraft: 500 };

/** Images one draft may hold (`STUDIO_MAX_IMAGES_PER_DRAFT`): with STUDIO_MAX_IMAGE_MB, what one draft may store. */
export const DEFAULT_MAX_IMAGES_PER_DRAFT = 100;

/** Images a draft may carry, by MIME type (EXIF and GPS are stripped in the browser before upload). */
export const STUDIO_IMAGE_TYPES = ["image/jpeg", "image/png", "image/webp", "image/gif", "image/avif"] as const;

export const utf8Bytes = (text: string) => new TextEncoder().encode(text).length;
