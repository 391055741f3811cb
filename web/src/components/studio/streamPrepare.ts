import type { UploadProgress } from "@/content/packageArticle.ts";
import type { Locale } from "@/i18n/messages.ts";
import { studioAnswerOf, studioFetch } from "./studioFetch.ts";

/**
 * The publish's prepare step, its steps and each file's upload progress read as the server streams
 * them (NDJSON), then its answer. A refusal before packaging comes back as an ordinary JSON answer.
 */
export async function streamPrepare(
  locale: Locale,
  path: string,
  on: { line: (line: string) => void; progress: (progress: UploadProgress) => void },
) {
  const response = await fetch(path, {
    method: "POST",
    body: JSON.stringify({ step: "prepare" }),
    headers: { "content-type": "application/json", accept: "application/x-ndjson" },
  });
  if (!response.headers.get("content-type")?.includes("application/x-ndjson") || !response.body) {
    const body = (await response.json().catch(() => ({}))) as Record<string, unknown>;
    return studioAnswerOf(locale, response.status, body);
  }
  const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
  let buffered = "";
  for (let part = await reader.read(); !part.done; part = await reader.read()) {
    buffered += part.value;
    const lines = buffered.split("\n");
    buffered = lines.pop() ?? "";
    for (const text of lines.filter(Boolean)) {
      const event = JSON.parse(text) as {
        line?: string;
        progress?: UploadProgress;
        answer?: { status: number; body: Record<string, unknown> };
      };
      if (event.line !== undefined) on.line(event.line);
      if (event.progress) on.progress(event.progress);
      if (event.answer) return studioAnswerOf(locale, event.answer.status, event.answer.body);
    }
  }
  // The stream ended without an answer (the connection dropped): ask where the run stands.
  return studioFetch(locale, path);
}
