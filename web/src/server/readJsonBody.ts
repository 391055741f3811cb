/**
 * A request's JSON body read no further than `maxBytes`: `{ ok: false }` past it (stated by
 * content-length or not: a chunked body names none), else the JSON, or null when it is not JSON.
 * Next puts no limit on a route handler's body, so an anonymous request could otherwise make the
 * server hold any amount.
 */
export async function readJsonAtMost(request: Request, maxBytes: number): Promise<{ ok: true; value: unknown } | { ok: false }> {
  if (Number(request.headers.get("content-length") ?? 0) > maxBytes) return { ok: false };
  const reader = request.body?.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (let part = await reader?.read(); part && !part.done; part = await reader?.read()) {
    size += part.value.length;
    if (size > maxBytes) {
      await reader?.cancel().catch(() => {});
      return { ok: false };
    }
    chunks.push(part.value);
  }
  const text = new TextDecoder().decode(Buffer.concat(chunks));
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch {
    return { ok: true, value: null };
  }
}
