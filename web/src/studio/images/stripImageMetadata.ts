import { sniffImageType, type StudioImageType } from "./imageType.ts";

// Reporters' photos must not say where or when they were taken, nor with which phone. This takes
// the metadata out of an image without decoding it (lossless: the pixels' bytes are copied as
// they are), keeping only what rendering needs. It runs in the browser before upload and again on
// the server, which never trusts the browser. Each format keeps an allow-list, so a metadata block
// nobody thought of is dropped too:
// - JPEG: JFIF (APP0, without its thumbnail), the ICC colour profile (APP2 "ICC_PROFILE") and Adobe's colour transform
//   (APP14) stay; Exif and XMP (APP1), IPTC (APP13), every other APPn, comments and anything after
//   the end-of-image marker go. The Exif orientation is rendering, not metadata: when it is not
//   the default, a new minimal Exif block holding that one tag is written, so a portrait photo
//   stays upright (no GPS, date, camera or thumbnail survives).
// - PNG: the image, palette, transparency, colour (gAMA, cHRM, sRGB, iCCP, cICP, sBIT), pixel size,
//   background and animation chunks stay; eXIf, tEXt, iTXt, zTXt, tIME and unknown chunks go.
// - WebP: the image, alpha, colour profile and animation chunks stay; EXIF, XMP and unknown chunks
//   go, and the VP8X header's flags are updated.
// - GIF: image data, colour tables, frame timing and the looping (NETSCAPE2.0) extension stay;
//   comments and every other application extension (XMP among them) go.
// - AVIF: its metadata are items inside the `meta` box, addressed by byte offsets (iloc) that a
//   removal would shift; rewriting them is not done here. An AVIF without Exif or XMP items is kept
//   as it is; one with them is refused (`ImageMetadataError`, code "avif-metadata"): export it
//   without metadata, or as JPEG, PNG or WebP. So is an image sequence whose movie or tracks carry
//   user data or metadata boxes (udta, meta: where a recorder writes the GPS position).

export type ImageMetadataProblem = "unknown-type" | "malformed" | "avif-metadata";

export class ImageMetadataError extends Error {
  readonly code: ImageMetadataProblem;
  constructor(code: ImageMetadataProblem, message: string) {
    super(message);
    this.name = "ImageMetadataError";
    this.code = code;
  }
}

export interface StrippedImage {
  type: StudioImageType;
  bytes: Uint8Array;
}

const malformed = (what: string) => new ImageMetadataError("malformed", `not a well-formed ${what} file`);
const ascii = (bytes: Uint8Array, start: number, length: number) => String.fromCharCode(...bytes.subarray(start, start + length));
const u16be = (bytes: Uint8Array, at: number) => (bytes[at] << 8) | bytes[at + 1];
const u32be = (bytes: Uint8Array, at: number) => ((bytes[at] << 24) | (bytes[at + 1] << 16) | (bytes[at + 2] << 8) | bytes[at + 3]) >>> 0;
const u32le = (bytes: Uint8Array, at: number) => (bytes[at] | (bytes[at + 1] << 8) | (bytes[at + 2] << 16) | (bytes[at + 3] << 24)) >>> 0;

function concat(parts: Uint8Array[]) {
  const out = new Uint8Array(parts.reduce((sum, part) => sum + part.length, 0));
  let at = 0;
  for (const part of parts) {
    out.set(part, at);
    at += part.length;
  }
  return out;
}

/** The image without its metadata, and its type by magic bytes; throws ImageMetadataError when it cannot be made safe. */
export function stripImageMetadata(bytes: Uint8Array): StrippedImage {
  const type = sniffImageType(bytes);
  if (!type) throw new ImageMetadataError("unknown-type", "not a JPEG, PNG, WebP, GIF or AVIF image");
  const strip = { "image/jpeg": stripJpeg, "image/png": stripPng, "image/webp": stripWebp, "image/gif": stripGif, "image/avif": checkAvif }[
    type
  ];
  return { type, bytes: strip(bytes) };
}

// ---- JPEG ----

/** The Exif orientation (1-8) in an APP1 Exif segment's payload, or undefined. */
function exifOrientation(payload: Uint8Array): number | undefined {
  if (ascii(payload, 0, 6) !== "Exif\0\0") return undefined;
  const tiff = payload.subarray(6);
  if (tiff.length < 8) return undefined;
  const little = ascii(tiff, 0, 2) === "II";
  const u16 = (at: number) => (little ? tiff[at] | (tiff[at + 1] << 8) : u16be(tiff, at));
  const u32 = (at: number) => (little ? u32le(tiff, at) : u32be(tiff, at));
  const ifd = u32(4);
  if (ifd + 2 > tiff.length) return undefined;
  const count = u16(ifd);
  for (let entry = 0; entry < count; entry++) {
    const at = ifd + 2 + entry * 12;
    if (at + 12 > tiff.length) return undefined;
    if (u16(at) === 0x0112) {
      const value = u16(at + 8);
      return value >= 1 && value <= 8 ? value : undefined;
    }
  }
  return undefined;
}

/** An APP1 segment holding an Exif block with the Orientation tag alone. */
function orientationOnlyExif(orientation: number) {
  const payload = [
    ...[0x45, 0x78, 0x69, 0x66, 0, 0], // "Exif\0\0"
    ...[0x4d, 0x4d, 0, 0x2a, 0, 0, 0, 8], // big-endian TIFF header, IFD0 at 8
    ...[0, 1], // one entry
    ...[0x01, 0x12, 0, 3, 0, 0, 0, 1, 0, orientation, 0, 0], // Orientation, SHORT, 1 value
    ...[0, 0, 0, 0], // no next IFD
  ];
  const length = payload.length + 2;
  return new Uint8Array([0xff, 0xe1, length >> 8, length & 0xff, ...payload]);
}

function keepJpegSegment(marker: number, payload: Uint8Array) {
  if (marker === 0xe0) return ascii(payload, 0, 5) === "JFIF\0";
  if (marker === 0xe2) return ascii(payload, 0, 12) === "ICC_PROFILE\0";
  if (marker === 0xee) return ascii(payload, 0, 5) === "Adobe";
  if (marker >= 0xe0 && marker <= 0xef) return false; // every other APPn: Exif, XMP, IPTC, MPF, vendors'
  return marker !== 0xfe; // COM
}

/** JFIF's header is 14 bytes; what follows is a thumbnail (possibly of the photo before a crop). */
const JFIF_HEADER_BYTES = 14;

/** A JFIF APP0 segment (marker, length, payload) with its thumbnail dropped and its size 0 × 0. */
function jfifWithoutThumbnail(segment: Uint8Array) {
  if (segment.length <= 4 + JFIF_HEADER_BYTES) return segment;
  const kept = segment.slice(0, 4 + JFIF_HEADER_BYTES);
  kept.set([0, 2 + JFIF_HEADER_BYTES], 2);
  kept.set([0, 0], 4 + JFIF_HEADER_BYTES - 2);
  return kept;
}

function stripJpeg(bytes: Uint8Array) {
  const parts: Uint8Array[] = [bytes.subarray(0, 2)];
  let orientation: number | undefined;
  let at = 2;
  let appAt = 1; // where the orientation block goes: after JFIF if any, as Exif readers expect
  while (at < bytes.length) {
    if (bytes[at] !== 0xff) throw malformed("JPEG");
    const marker = bytes[at + 1];
    if (marker === 0xff) {
      at++; // fill byte
      continue;
    }
    if (marker === 0xd9) {
      parts.push(bytes.subarray(at, at + 2)); // end of image: whatever follows (a second file, a trailer) is dropped
      if (orientation && orientation !== 1) parts.splice(appAt, 0, orientationOnlyExif(orientation));
      return concat(parts);
    }
    if (marker === 0x01 || (marker >= 0xd0 && marker <= 0xd7)) {
      parts.push(bytes.subarray(at, at + 2));
      at += 2;
      continue;
    }
    if (at + 4 > bytes.length) throw malformed("JPEG");
    const end = at + 2 + u16be(bytes, at + 2);
    if (end > bytes.length || end < at + 4) throw malformed("JPEG");
    const payload = bytes.subarray(at + 4, end);
    if (marker === 0xe1) orientation ??= exifOrientation(payload);
    if (keepJpegSegment(marker, payload)) {
      parts.push(marker === 0xe0 ? jfifWithoutThumbnail(bytes.subarray(at, end)) : bytes.subarray(at, end));
      if (marker === 0xe0) appAt = parts.length;
    }
    at = end;
    if (marker === 0xda) {
      // Entropy-coded data runs to the next marker that is not a stuffed 0xFF00 or a restart.
      const start = at;
      const isMarker = (next: number) => next !== 0 && !(next >= 0xd0 && next <= 0xd7);
      while (at + 1 < bytes.length && !(bytes[at] === 0xff && isMarker(bytes[at + 1]))) at++;
      if (at + 1 >= bytes.length) throw malformed("JPEG");
      parts.push(bytes.subarray(start, at));
    }
  }
  throw malformed("JPEG");
}

// ---- PNG ----

const PNG_KEPT = new Set([
  "IHDR",
  "PLTE",
  "IDAT",
  "IEND",
  "tRNS",
  "gAMA",
  "cHRM",
  "sRGB",
  "iCCP",
  "cICP",
  "mDCv",
  "cLLi",
  "sBIT",
  "pHYs",
  "bKGD",
  "acTL",
  "fcTL",
  "fdAT",
]);

function stripPng(bytes: Uint8Array) {
  const parts: Uint8Array[] = [bytes.subarray(0, 8)];
  let at = 8;
  while (at + 12 <= bytes.length) {
    const length = u32be(bytes, at);
    const type = ascii(bytes, at + 4, 4);
    const end = at + 12 + length;
    if (end > bytes.length) throw malformed("PNG");
    if (PNG_KEPT.has(type)) parts.push(bytes.subarray(at, end));
    at = end;
    if (type === "IEND") return concat(parts);
  }
  throw malformed("PNG");
}

// ---- WebP ----

const WEBP_KEPT = new Set(["VP8 ", "VP8L", "VP8X", "ALPH", "ICCP", "ANIM", "ANMF"]);

function stripWebp(bytes: Uint8Array) {
  const riffEnd = Math.min(bytes.length, 8 + u32le(bytes, 4));
  const chunks: Uint8Array[] = [];
  let at = 12;
  while (at + 8 <= riffEnd) {
    const size = u32le(bytes, at + 4);
    const end = at + 8 + size + (size & 1);
    if (at + 8 + size > riffEnd) throw malformed("WebP");
    const fourcc = ascii(bytes, at, 4);
    if (WEBP_KEPT.has(fourcc)) {
      const chunk = bytes.slice(at, Math.min(end, riffEnd));
      // VP8X announces EXIF (bit 3) and XMP (bit 2): no longer there.
      if (fourcc === "VP8X") chunk[8] &= ~0x0c;
      chunks.push(chunk);
    }
    at = end;
  }
  if (chunks.length === 0) throw malformed("WebP");
  const body = concat(chunks);
  const header = new Uint8Array(12);
  header.set(bytes.subarray(0, 12));
  const riffSize = body.length + 4;
  header.set([riffSize & 0xff, (riffSize >> 8) & 0xff, (riffSize >> 16) & 0xff, (riffSize >>> 24) & 0xff], 4);
  return concat([header, body]);
}

// ---- GIF ----

function stripGif(bytes: Uint8Array) {
  if (bytes.length < 13) throw malformed("GIF");
  const tableSize = (flags: number) => (flags & 0x80 ? 3 * 2 ** ((flags & 0x07) + 1) : 0);
  /** The end of a run of data sub-blocks starting at `at`. */
  const subBlocksEnd = (at: number) => {
    while (at < bytes.length && bytes[at] !== 0) at += bytes[at] + 1;
    if (at >= bytes.length) throw malformed("GIF");
    return at + 1;
  };
  let at = 13 + tableSize(bytes[10]);
  const parts: Uint8Array[] = [bytes.subarray(0, at)];
  while (at < bytes.length) {
    const introducer = bytes[at];
    if (introducer === 0x3b) {
      parts.push(bytes.subarray(at, at + 1));
      return concat(parts);
    }
    if (introducer === 0x2c) {
      if (at + 10 > bytes.length) throw malformed("GIF");
      const end = subBlocksEnd(at + 10 + tableSize(bytes[at + 9]) + 1);
      parts.push(bytes.subarray(at, end));
      at = end;
    } else if (introducer === 0x21) {
      const label = bytes[at + 1];
      const end = subBlocksEnd(at + 2);
      const application = label === 0xff ? ascii(bytes, at + 3, 11) : "";
      // Frame timing (0xF9), plain text drawn on the image (0x01), looping: kept; comments (0xFE) and other applications' data: dropped.
      if (label === 0xf9 || label === 0x01 || application === "NETSCAPE2.0" || application === "ANIMEXTS1.0") {
        parts.push(bytes.subarray(at, end));
      }
      at = end;
    } else {
      throw malformed("GIF");
    }
  }
  throw malformed("GIF");
}

// ---- AVIF ----

/** Boxes in [start, end): type and payload bounds. */
function* boxes(bytes: Uint8Array, start: number, end: number) {
  let at = start;
  while (at + 8 <= end) {
    let size = u32be(bytes, at);
    let header = 8;
    if (size === 1) {
      if (at + 16 > end || u32be(bytes, at + 8) !== 0) throw malformed("AVIF");
      size = u32be(bytes, at + 12);
      header = 16;
    } else if (size === 0) {
      size = end - at;
    }
    if (size < header || at + size > end) throw malformed("AVIF");
    yield { type: ascii(bytes, at + 4, 4), start: at + header, end: at + size };
    at += size;
  }
}

// udta holds a recorder's location (©xyz), dates and device; meta holds XMP or Exif items.
const isMetadataBox = (box: { type: string }) => box.type === "udta" || box.type === "meta" || box.type === "uuid";

/** Whether an image sequence's movie, or one of its tracks (one level: no recursion to overflow), carries metadata boxes. */
function movieHasMetadata(bytes: Uint8Array, start: number, end: number) {
  for (const box of boxes(bytes, start, end)) {
    if (isMetadataBox(box)) return true;
    if (box.type !== "trak") continue;
    for (const inTrack of boxes(bytes, box.start, box.end)) if (isMetadataBox(inTrack)) return true;
  }
  return false;
}

function checkAvif(bytes: Uint8Array) {
  for (const box of boxes(bytes, 0, bytes.length)) {
    if (box.type === "uuid") throw avifMetadata(); // vendors' XMP boxes
    if (box.type === "moov" && movieHasMetadata(bytes, box.start, box.end)) throw avifMetadata(); // an image sequence (avis)
    if (box.type !== "meta") continue;
    for (const child of boxes(bytes, box.start + 4, box.end)) {
      if (child.type !== "iinf") continue;
      const version = bytes[child.start];
      const first = child.start + 4 + (version === 0 ? 2 : 4);
      for (const entry of boxes(bytes, first, child.end)) {
        if (entry.type !== "infe" || bytes[entry.start] < 2) continue;
        const itemType = ascii(bytes, entry.start + 4 + (bytes[entry.start] === 2 ? 2 : 4) + 2, 4);
        if (itemType === "Exif" || itemType === "mime") throw avifMetadata();
      }
    }
  }
  return bytes;
}

const avifMetadata = () =>
  new ImageMetadataError(
    "avif-metadata",
    "this AVIF carries Exif or XMP metadata, which cannot be removed safely: export it without metadata, or as JPEG, PNG or WebP",
  );
