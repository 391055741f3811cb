import { readBytesAtMost } from "./readBytesAtMost.ts";

/**
 * A request's JSON body read no further than `maxBytes`: `{ ok: false }` past it (stated by
 * content-length or not: a chunked body names none), else the JSON, or null when it is not JSON.
 * Next puts no limit on a route handler's body, so an anonymous request could otherwise make the
 * server hold any amount.
 */
export async function readJsonAtMost(request: Request, maxBytes: number): Promise<{ ok: true; value: unknown } | { ok: false }> {
  const read = await readBytesAtMost(request, maxBytes);
  if ("tooLarge" in read) return { ok: false };
  try {
    return { ok: true, value: JSON.parse(new TextDecoder().decode(read.bytes)) };
  } catch {
    return { ok: true, value: null };
  }
}
