import { PREMIUM_MARKER } from "../content/premiumMarker.ts";
import { renderMarkdownOnServer } from "../markdown/sanitizeOnServer.ts";
import { MAX_DRAFT_MARKDOWN_BYTES, utf8Bytes } from "./draftLimits.ts";
import { inTeam, type StudioViewer } from "./studioAccess.ts";
import { ok, refuse, type StudioAnswer } from "./studioAnswer.ts";

/**
 * The free part of a draft (before the premium marker) as the article page shows it: rendered on
 * the server by the same function (sanitize-html over markdownPolicy). The page renders the
 * premium part in the browser with renderPremium, as the article page does once unlocked.
 * Nothing is stored.
 */
export function previewDraft(viewer: StudioViewer, body: unknown, gatewayUrl: string): StudioAnswer {
  if (!inTeam(viewer)) return refuse(403, "studio.error.notInTeam");
  const markdown = (body as { markdown?: unknown } | null)?.markdown;
  if (typeof markdown !== "string") return refuse(400, "studio.error.badInput", { detail: "markdown must be a string" });
  if (utf8Bytes(markdown) > MAX_DRAFT_MARKDOWN_BYTES) return refuse(413, "studio.error.tooLarge");
  const [free] = markdown.split(PREMIUM_MARKER);
  return ok({ free: renderMarkdownOnServer(free, gatewayUrl) });
}
