/**
 * A request's body as bytes, read no further than `maxBytes` (stated by content-length or not: a
 * chunked body names none): `{ tooLarge: true }` past it, so an oversized upload is never held whole.
 */
export async function readBytesAtMost(request: Request, maxBytes: number): Promise<{ bytes: Uint8Array } | { tooLarge: true }> {
  if (Number(request.headers.get("content-length") ?? 0) > maxBytes) return { tooLarge: true };
  const reader = request.body?.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (let part = await reader?.read(); part && !part.done; part = await reader?.read()) {
    size += part.value.length;
    if (size > maxBytes) {
      await reader?.cancel().catch(() => {});
      return { tooLarge: true };
    }
    chunks.push(part.value);
  }
  return { bytes: new Uint8Array(Buffer.concat(chunks)) };
}
