/** The image types a draft may carry, told by their first bytes (never by a name or a header). */
export type StudioImageType = "image/jpeg" | "image/png" | "image/webp" | "image/gif" | "image/avif";

const ascii = (bytes: Uint8Array, start: number, length: number) => String.fromCharCode(...bytes.subarray(start, start + length));

/** The type the bytes really are, by their magic numbers; null for anything else (SVG included: it can carry script). */
export function sniffImageType(bytes: Uint8Array): StudioImageType | null {
  if (bytes.length >= 3 && bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return "image/jpeg";
  if (bytes.length >= 8 && ascii(bytes, 0, 8) === "\x89PNG\r\n\x1a\n") return "image/png";
  if (bytes.length >= 12 && ascii(bytes, 0, 4) === "RIFF" && ascii(bytes, 8, 4) === "WEBP") return "image/webp";
  if (bytes.length >= 6 && (ascii(bytes, 0, 6) === "GIF87a" || ascii(bytes, 0, 6) === "GIF89a")) return "image/gif";
  // ISOBMFF: a first `ftyp` box whose major or compatible brands name AVIF.
  if (bytes.length >= 16 && ascii(bytes, 4, 4) === "ftyp") {
    const size = Math.min(bytes.length, ((bytes[0] << 24) | (bytes[1] << 16) | (bytes[2] << 8) | bytes[3]) >>> 0);
    for (let at = 8; at + 4 <= size; at += at === 8 ? 8 : 4) {
      if (["avif", "avis"].includes(ascii(bytes, at, 4))) return "image/avif";
    }
  }
  return null;
}

export const IMAGE_EXTENSIONS: Record<StudioImageType, string> = {
  "image/jpeg": "jpg",
  "image/png": "png",
  "image/webp": "webp",
  "image/gif": "gif",
  "image/avif": "avif",
};
