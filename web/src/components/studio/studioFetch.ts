import { format, type Locale, MESSAGES } from "@/i18n/messages.ts";

/** A studio API call: the JSON answer, with a refusal turned into its message in the reader's language. */
export async function studioFetch(locale: Locale, path: string, init: RequestInit & { json?: unknown } = {}) {
  const { json, ...rest } = init;
  const response = await fetch(path, {
    ...rest,
    ...(json !== undefined ? { body: JSON.stringify(json), headers: { "content-type": "application/json" } } : {}),
  });
  const body = (await response.json().catch(() => ({}))) as Record<string, unknown>;
  const messages = MESSAGES[locale] as Record<string, string>;
  const problem = response.ok
    ? null
    : format(messages[String(body.error)] ?? messages["studio.error.unavailable"], body as Record<string, string>);
  return { status: response.status, body, problem };
}
