import { format, type Locale, MESSAGES } from "@/i18n/messages.ts";

/** A studio API call: the JSON answer, with a refusal turned into its message in the reader's language. */
export async function studioFetch(locale: Locale, path: string, init: RequestInit & { json?: unknown } = {}) {
  const { json, ...rest } = init;
  const response = await fetch(path, {
    ...rest,
    ...(json !== undefined ? { body: JSON.stringify(json), headers: { "content-type": "application/json" } } : {}),
  });
  const body = (await response.json().catch(() => ({}))) as Record<string, unknown>;
  return studioAnswerOf(locale, response.status, body);
}

/** A studio answer (from a response, or the last line of a streamed one) with its refusal in words. */
export function studioAnswerOf(locale: Locale, status: number, body: Record<string, unknown>) {
  const messages = MESSAGES[locale] as Record<string, string>;
  const problem =
    status >= 200 && status < 300
      ? null
      : format(messages[String(body.error)] ?? messages["studio.error.unavailable"], body as Record<string, string>);
  return { status, body, problem };
}
