import { readFileSync } from "node:fs";
import { join } from "node:path";
import { crc32 } from "node:zlib";
import sharp from "sharp";
import { describe, expect, it } from "vitest";
import { sniffImageType } from "../../web/src/studio/images/imageType.ts";
import { ImageMetadataError, stripImageMetadata } from "../../web/src/studio/images/stripImageMetadata.ts";

// Real photos (written by libvips, as a phone's camera app writes them) carrying the camera, the
// time and the GPS position where they were taken, in Exif and XMP: after stripping, none of it is
// left, the pixels are exactly the same, and the file still decodes.

const photo = (name: string) => new Uint8Array(readFileSync(join(import.meta.dirname, "fixtures/photos", name)));
const text = (bytes: Uint8Array) => Buffer.from(bytes).toString("latin1");
/** What a reader of the file could learn about where, when and with what it was taken. */
const LEAKS = ["Samsung", "SM-S918N", "2026:11:20", "Gwangan", "xmpmeta", "GPSLatitude", "Reporter Camera"];
const pixels = async (bytes: Uint8Array) => (await sharp(bytes).raw().toBuffer({ resolveWithObject: true })).data;

function pngChunk(type: string, data: string) {
  const body = Buffer.concat([Buffer.from(type, "latin1"), Buffer.from(data, "latin1")]);
  const chunk = Buffer.alloc(12 + data.length);
  chunk.writeUInt32BE(data.length, 0);
  body.copy(chunk, 4);
  chunk.writeUInt32BE(crc32(body), 8 + data.length);
  return chunk;
}
/** A PNG with text chunks added after IHDR (where cameras and editors put them). */
function withPngText(png: Uint8Array) {
  const afterHeader = 8 + 25;
  return new Uint8Array(
    Buffer.concat([
      png.subarray(0, afterHeader),
      pngChunk("tEXt", "Location\0Busan, Gwangan bridge"),
      pngChunk("zTXt", "Comment\0\0not really compressed"),
      pngChunk("tIME", "\x07\xea\x0b\x14\x15\x0e\x05"),
      png.subarray(afterHeader),
    ]),
  );
}
/** A GIF with a comment and an XMP application extension before its first image. */
function withGifMetadata(gif: Uint8Array) {
  const globalTable = gif[10] & 0x80 ? 3 * 2 ** ((gif[10] & 0x07) + 1) : 0;
  const at = 13 + globalTable;
  const comment = Buffer.from("\x21\xfe\x0cSM-S918N GPS\x00", "latin1");
  const xmp = Buffer.concat([Buffer.from("\x21\xff\x0bXMP DataXMP", "latin1"), Buffer.from("\x10<x:xmpmeta>Busan\x00", "latin1")]);
  return new Uint8Array(Buffer.concat([gif.subarray(0, at), comment, xmp, gif.subarray(at)]));
}

describe("stripping a photo's metadata", () => {
  it.each(["gps.jpg", "gps.png", "gps.webp"])("takes the camera, time and GPS out of %s, pixels unchanged", async (name) => {
    const original = name.endsWith(".png") ? withPngText(photo(name)) : photo(name);
    expect(
      LEAKS.some((leak) => text(original).includes(leak)),
      "the fixture carries metadata",
    ).toBe(true);
    const before = await sharp(original).metadata();
    expect(before.exif, "sharp reads the fixture's Exif").toBeDefined();

    const stripped = stripImageMetadata(original);
    expect(stripped.type).toBe(sniffImageType(original));
    for (const leak of LEAKS) expect(text(stripped.bytes)).not.toContain(leak);
    expect(text(stripped.bytes)).not.toContain("Exif\0\0");
    const after = await sharp(stripped.bytes).metadata();
    expect(after.exif).toBeUndefined();
    expect(after.xmp).toBeUndefined();
    expect(after.comments ?? []).toEqual([]);
    expect([after.width, after.height, after.format]).toEqual([before.width, before.height, before.format]);
    expect(Buffer.compare(await pixels(stripped.bytes), await pixels(original))).toBe(0);
    expect(stripped.bytes.length).toBeLessThan(original.length);
  });

  it("keeps a JPEG's colour profile, and a rotated photo upright with an Exif block holding the orientation alone", async () => {
    const kept = stripImageMetadata(photo("gps.jpg"));
    expect((await sharp(kept.bytes).metadata()).icc, "the ICC profile stays").toBeDefined();

    const rotated = stripImageMetadata(photo("gps-rotated.jpg"));
    for (const leak of LEAKS) expect(text(rotated.bytes)).not.toContain(leak);
    const metadata = await sharp(rotated.bytes).metadata();
    expect(metadata.orientation).toBe(6);
    // Exif header (6) + TIFF header (8) + one-entry IFD (2 + 12 + 4): no room for GPS, dates or the camera.
    expect(metadata.exif?.length).toBe(32);
    expect(Buffer.compare(await pixels(rotated.bytes), await pixels(photo("gps-rotated.jpg")))).toBe(0);
  });

  it("keeps a JPEG's JFIF header but not the thumbnail it may carry (a copy of the photo from before it was cropped)", async () => {
    const jpeg = photo("gps.jpg");
    const thumbnail = Buffer.from("UNCROPPED FACE 3x2", "latin1"); // 3 × 2 RGB pixels
    const jfif = Buffer.concat([Buffer.from("JFIF\0\x01\x02\x01\0\x48\0\x48\x03\x02", "latin1"), thumbnail]);
    const app0 = Buffer.concat([Buffer.from([0xff, 0xe0, 0, jfif.length + 2]), jfif]);
    const original = new Uint8Array(Buffer.concat([jpeg.subarray(0, 2), app0, jpeg.subarray(2)]));
    expect(text(original)).toContain("UNCROPPED FACE");

    const stripped = stripImageMetadata(original).bytes;
    expect(text(stripped)).not.toContain("UNCROPPED FACE");
    // The JFIF header stays first, its density kept and its thumbnail 0 × 0.
    expect([...stripped.subarray(0, 6)]).toEqual([0xff, 0xd8, 0xff, 0xe0, 0, 16]);
    expect(text(stripped.subarray(6, 20))).toBe("JFIF\0\x01\x02\x01\0\x48\0\x48\0\0");
    expect(Buffer.compare(await pixels(stripped), await pixels(jpeg))).toBe(0);
  });

  it("drops what follows a JPEG's end (a second file a phone appended) and refuses a truncated one", () => {
    const jpeg = photo("gps.jpg");
    const appended = new Uint8Array(Buffer.concat([jpeg, Buffer.from("Samsung trailer GPS 35.15N")]));
    const stripped = stripImageMetadata(appended).bytes;
    expect(text(stripped)).not.toContain("Samsung");
    expect([...stripped.subarray(-2)]).toEqual([0xff, 0xd9]);
    expect(() => stripImageMetadata(jpeg.subarray(0, jpeg.length / 2))).toThrow(ImageMetadataError);
  });

  it("takes comments and XMP out of a GIF and keeps its frames", async () => {
    const original = withGifMetadata(photo("plain.gif"));
    expect(text(original)).toContain("XMP DataXMP");
    const stripped = stripImageMetadata(original);
    expect(stripped.type).toBe("image/gif");
    expect(text(stripped.bytes)).not.toContain("XMP");
    expect(text(stripped.bytes)).not.toContain("SM-S918N");
    expect(Buffer.from(stripped.bytes)).toEqual(Buffer.from(photo("plain.gif")));
    expect(Buffer.compare(await pixels(stripped.bytes), await pixels(original))).toBe(0);
  });

  it("keeps an AVIF without metadata as it is, and refuses one carrying Exif (its boxes cannot be rewritten safely)", () => {
    const plain = photo("plain.avif");
    expect(stripImageMetadata(plain)).toEqual({ type: "image/avif", bytes: plain });
    expect(() => stripImageMetadata(photo("gps.avif"))).toThrow(expect.objectContaining({ code: "avif-metadata" }));
  });

  it("refuses an AVIF image sequence whose movie or track carries user data (where phones put the GPS position)", () => {
    const box = (type: string, ...content: Buffer[]) => {
      const body = Buffer.concat(content);
      const header = Buffer.alloc(8);
      header.writeUInt32BE(8 + body.length, 0);
      header.write(type, 4, "latin1");
      return Buffer.concat([header, body]);
    };
    const ftyp = box("ftyp", Buffer.from("avis\0\0\0\0avisavifmsf1", "latin1"));
    const location = box("udta", box("\xa9xyz", Buffer.from("\0\x0e\x15\xc7+35.1531+129.1186/", "latin1")));
    const track = (...content: Buffer[]) => box("trak", box("tkhd", Buffer.alloc(84)), ...content);
    const sequence = (moov: Buffer) => new Uint8Array(Buffer.concat([ftyp, moov, box("mdat", Buffer.alloc(16))]));

    expect(sniffImageType(sequence(box("moov", track())))).toBe("image/avif");
    expect(stripImageMetadata(sequence(box("moov", track()))).bytes).toEqual(sequence(box("moov", track())));
    for (const moov of [box("moov", location, track()), box("moov", track(location)), box("moov", track(box("meta", Buffer.alloc(4))))]) {
      expect(() => stripImageMetadata(sequence(moov))).toThrow(expect.objectContaining({ code: "avif-metadata" }));
    }
  });

  it("refuses what is not one of the five image types, whatever it claims", () => {
    for (const bytes of [
      new TextEncoder().encode('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'),
      new TextEncoder().encode("GPS 35.15N 129.12E"),
      new Uint8Array([0x42, 0x4d, 0, 0, 0, 0]), // BMP
      new Uint8Array(0),
    ]) {
      expect(sniffImageType(bytes)).toBeNull();
      expect(() => stripImageMetadata(bytes)).toThrow(expect.objectContaining({ code: "unknown-type" }));
    }
  });
});
