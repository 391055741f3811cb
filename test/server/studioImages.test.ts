import { readFileSync } from "node:fs";
import { join } from "node:path";
import sharp from "sharp";
import { getAddress } from "viem";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { UploadProgress } from "../../web/src/content/packageArticle.ts";
import { addDraftImage, getDraftImage } from "../../web/src/studio/draftImages.ts";
import { draftImagePath, imageMarkdown } from "../../web/src/studio/draftImageRefs.ts";
import type { StudioViewer } from "../../web/src/studio/studioAccess.ts";
import * as studio from "../../web/src/studio/studioActions.ts";
import { preparePublishDraft } from "../../web/src/studio/studioPublish.ts";
import { type ContentStack, startContentStack } from "../helpers/contentStack.ts";

// Images in studio drafts, on the real content stack (embedded IPFS node, Hardhat's EVM with the
// publication deployed, the database): only the draft's writer adds them, the server checks the
// type by content, the size and the metadata again; they stay in the database until an editor
// publishes, and then go to IPFS without their metadata, the links rewritten as the CLI does.

let stack: ContentStack;
let editor: StudioViewer;
let writer: StudioViewer;
let otherWriter: StudioViewer;
let outsider: StudioViewer;
beforeAll(async () => {
  stack = await startContentStack();
  editor = { address: getAddress(stack.wallets[0].account.address), isEditor: true, isWriter: false };
  writer = { address: getAddress(stack.wallets[5].account.address), isEditor: false, isWriter: true };
  otherWriter = { address: getAddress(stack.wallets[6].account.address), isEditor: false, isWriter: true };
  outsider = { address: getAddress(stack.wallets[7].account.address), isEditor: false, isWriter: false };
});
afterAll(() => stack?.stop());

const db = () => stack.database.db;
const context = () => ({ ...stack.context, walletClient: undefined });
const photo = (name: string) => new Uint8Array(readFileSync(join(import.meta.dirname, "fixtures/photos", name)));
const text = (bytes: Uint8Array) => Buffer.from(bytes).toString("latin1");
const LIMIT_MB = 10;

async function pins() {
  const cids = new Set<string>();
  for await (const pin of stack.ipfs.client.pin.ls()) cids.add(pin.cid.toString());
  return cids;
}
async function cat(cid: string) {
  const chunks: Uint8Array[] = [];
  for await (const chunk of stack.ipfs.client.cat(cid)) chunks.push(chunk);
  return Buffer.concat(chunks);
}
const storedImages = () => db().selectFrom("studio_draft_images").select(["draft_id", "sha256", "size"]).orderBy("sha256").execute();

let variant = 0;
async function newDraft(owner = writer) {
  variant++;
  const created = await studio.createDraft(db(), owner, {
    markdown: `광안대교의 밤 (${variant}).\n\n<!-- premium -->\n\n유료 독자만 읽는 부분 ${variant}: 조명 예산.`,
    frontmatter: {
      title: `광안리의 밤 ${variant}`,
      slug: `studio-image-${variant}`,
      summary: "조명은 누가 켜나",
      language: "ko",
      published: "2026-11-27",
      edition: { price_wei: "5000000000000000", max_supply: 100 },
      premium: { tier: 1 },
    },
  });
  return created.body.draft as { id: string; version: number; markdown: string; frontmatter: Record<string, unknown> };
}

describe("adding an image to a draft", () => {
  it("stores it without its metadata, once, and serves it to the writer and, once submitted, to editors only", async () => {
    const draft = await newDraft();
    const added = await addDraftImage(db(), writer, draft.id, { bytes: photo("gps.jpg") }, LIMIT_MB);
    expect(added.status).toBe(201);
    const image = added.body.image as { sha256: string; url: string; contentType: string; size: number };
    expect(image).toMatchObject({ url: draftImagePath(draft.id, image.sha256), contentType: "image/jpeg" });
    // The browser strips first; the server strips again whatever it is sent (never trusting it).
    const served = await getDraftImage(db(), writer, draft.id, image.sha256);
    if (!("image" in served)) throw new Error(`refused: ${JSON.stringify(served)}`);
    expect(text(served.image.bytes)).not.toContain("Exif");
    expect(text(served.image.bytes)).not.toContain("SM-S918N");
    expect((await sharp(served.image.bytes).metadata()).exif).toBeUndefined();
    expect(served.image.bytes.length).toBe(image.size);
    // The same photo again is the same image.
    expect((await addDraftImage(db(), writer, draft.id, { bytes: photo("gps.jpg") }, LIMIT_MB)).body.image).toEqual(image);
    expect((await storedImages()).filter((row) => row.draft_id === draft.id)).toHaveLength(1);

    for (const viewer of [otherWriter, outsider, editor]) {
      expect((await getDraftImage(db(), viewer, draft.id, image.sha256)) as { status: number }).toMatchObject({ status: 403 });
    }
    expect(await getDraftImage(db(), writer, draft.id, "0".repeat(64))).toMatchObject({ status: 404 });
    expect((await studio.submitDraft(db(), writer, draft.id)).status).toBe(200);
    expect("image" in (await getDraftImage(db(), editor, draft.id, image.sha256))).toBe(true);
  });

  it("refuses a wallet without a role, another writer, an editor, oversized and wrong-type uploads: nothing stored or pinned", async () => {
    const draft = await newDraft();
    const storedBefore = await storedImages();
    const pinsBefore = await pins();
    const jpeg = { bytes: photo("gps.jpg") };
    const refusals: [string, Promise<{ status: number; body: Record<string, unknown> }>, number, string][] = [
      ["a wallet without a role", addDraftImage(db(), outsider, draft.id, jpeg, LIMIT_MB), 403, "studio.error.notInTeam"],
      ["another writer", addDraftImage(db(), otherWriter, draft.id, jpeg, LIMIT_MB), 403, "studio.error.notYours"],
      ["an editor", addDraftImage(db(), editor, draft.id, jpeg, LIMIT_MB), 403, "studio.error.notYours"],
      ["an unknown draft", addDraftImage(db(), writer, crypto.randomUUID(), jpeg, LIMIT_MB), 404, "studio.error.notFound"],
      ["a body past the limit", addDraftImage(db(), writer, draft.id, { tooLarge: true }, LIMIT_MB), 413, "studio.image.error.tooLarge"],
      [
        "an image over STUDIO_MAX_IMAGE_MB",
        addDraftImage(db(), writer, draft.id, { bytes: new Uint8Array(Buffer.concat([photo("gps.jpg"), Buffer.alloc(20_000)])) }, 0.02),
        413,
        "studio.image.error.tooLarge",
      ],
      [
        "an SVG named .jpg",
        addDraftImage(db(), writer, draft.id, { bytes: new TextEncoder().encode("<svg><script>alert(1)</script></svg>") }, LIMIT_MB),
        415,
        "studio.image.error.wrongType",
      ],
      [
        "a truncated JPEG",
        addDraftImage(db(), writer, draft.id, { bytes: photo("gps.jpg").subarray(0, 2000) }, LIMIT_MB),
        422,
        "studio.image.error.malformed",
      ],
      [
        "an AVIF carrying Exif",
        addDraftImage(db(), writer, draft.id, { bytes: photo("gps.avif") }, LIMIT_MB),
        422,
        "studio.image.error.avifMetadata",
      ],
    ];
    for (const [who, answer, status, error] of refusals) {
      expect(await answer, who).toMatchObject({ status, body: { error } });
    }
    expect((await refusals[4][1]).body.limit).toBe("10");
    // Under review, the writer's draft is locked: no image either.
    expect((await studio.submitDraft(db(), writer, draft.id)).status).toBe(200);
    expect(await addDraftImage(db(), writer, draft.id, jpeg, LIMIT_MB)).toMatchObject({ status: 409 });
    expect(await storedImages()).toEqual(storedBefore);
    expect(await pins()).toEqual(pinsBefore);
  });

  it("keeps at most STUDIO_MAX_IMAGES_PER_DRAFT images in one draft: the next is refused and not stored, one already there is still accepted", async () => {
    const draft = await newDraft();
    const add = (name: string) => addDraftImage(db(), writer, draft.id, { bytes: photo(name) }, LIMIT_MB, 2);
    expect((await add("gps.jpg")).status).toBe(201);
    expect((await add("gps.png")).status).toBe(201);
    const storedBefore = await storedImages();
    expect(await add("gps.webp")).toMatchObject({ status: 409, body: { error: "studio.image.error.tooMany", max: "2" } });
    expect(await storedImages()).toEqual(storedBefore);
    expect((await add("gps.jpg")).status, "the same photo again is the image already stored").toBe(201);
    expect((await storedImages()).filter((row) => row.draft_id === draft.id)).toHaveLength(2);
  });

  it("submits only images added to the draft: a path to a file or another draft's image is named", async () => {
    const draft = await newDraft();
    const other = await newDraft(otherWriter);
    const theirs = await addDraftImage(db(), otherWriter, other.id, { bytes: photo("gps.png") }, LIMIT_MB);
    const save = (markdown: string, version: number) =>
      studio.saveDraft(db(), writer, draft.id, { version, markdown, frontmatter: draft.frontmatter });
    const saved = await save(`![다리](images/bridge.jpg)\n\n${draft.markdown}`, draft.version);
    expect(saved.body.problem).toMatchObject({ field: "image images/bridge.jpg" });
    expect(await studio.submitDraft(db(), writer, draft.id)).toMatchObject({ status: 422 });
    // Another draft's image URL passes the shape check but not publishing, which names it.
    const foreign = (theirs.body.image as { url: string }).url;
    await save(`![다리](${foreign})\n\n${draft.markdown}`, (saved.body.draft as { version: number }).version);
    expect((await studio.submitDraft(db(), writer, draft.id)).status).toBe(200);
    const pinsBefore = await pins();
    const prepared = await preparePublishDraft(db(), editor, draft.id, context());
    expect(prepared).toMatchObject({ status: 422, body: { error: "studio.error.invalid", field: `image ${foreign}` } });
    expect(await pins()).toEqual(pinsBefore);
  });
});

describe("publishing a draft with images", () => {
  it("uploads each image without its metadata, rewrites the links to ipfs://, and reports each file's progress", async () => {
    const draft = await newDraft();
    const pinsBefore = await pins();
    const jpeg = (await addDraftImage(db(), writer, draft.id, { bytes: photo("gps.jpg") }, LIMIT_MB)).body.image as { sha256: string };
    const webp = (await addDraftImage(db(), writer, draft.id, { bytes: photo("gps.webp") }, LIMIT_MB)).body.image as { sha256: string };
    const markdown = [
      "광안대교의 밤.",
      imageMarkdown(draft.id, jpeg.sha256, "gwangan.jpg"),
      imageMarkdown(draft.id, webp.sha256, "bridge.webp"),
      "<!-- premium -->",
      "유료 독자만 읽는 부분: 조명 예산.",
    ].join("\n\n");
    const saved = await studio.saveDraft(db(), writer, draft.id, { version: draft.version, markdown, frontmatter: draft.frontmatter });
    expect(saved.body.problem).toBeNull();
    expect(await pins(), "nothing of the draft is on IPFS before publish").toEqual(pinsBefore);
    expect((await studio.submitDraft(db(), writer, draft.id)).status).toBe(200);

    const progress: UploadProgress[] = [];
    const prepared = await preparePublishDraft(db(), editor, draft.id, { ...context(), onUploadProgress: (event) => progress.push(event) });
    expect(prepared.status).toBe(200);
    const metadata = await stack.reader.metadataAt(`ipfs://${prepared.body.metadataCid}`, 0n);
    const images = metadata.properties.images;
    expect(images.map((image) => image.ref)).toEqual([draftImagePath(draft.id, jpeg.sha256), draftImagePath(draft.id, webp.sha256)]);
    expect(metadata.image).toBe(`ipfs://${images[0].cid}`);
    for (const image of images) {
      const bytes = await cat(image.cid);
      for (const leak of ["Exif", "SM-S918N", "xmpmeta", "2026:11:20"]) expect(text(bytes)).not.toContain(leak);
      expect((await sharp(bytes).metadata()).exif).toBeUndefined();
    }
    const preview = (await cat(metadata.properties.preview.cid)).toString();
    expect(preview).toContain(`![gwangan](ipfs://${images[0].cid})`);
    expect(preview).not.toContain("/api/studio/");

    // A bar per file: each upload starts at 0 and ends done at its full size.
    const steps = [...new Set(progress.map((event) => event.step))];
    expect(steps).toEqual(expect.arrayContaining([`image:${images[0].ref}`, `image:${images[1].ref}`, "preview", "premium", "metadata"]));
    for (const step of steps) {
      const events = progress.filter((event) => event.step === step);
      expect(events[0]).toMatchObject({ bytes: 0, done: false });
      expect(events.at(-1)).toMatchObject({ done: true, reused: false });
      expect(events.at(-1)!.bytes).toBe(events.at(-1)!.total);
    }
    // Prepared again (a reload): every upload is reused, done at once.
    const again: UploadProgress[] = [];
    await preparePublishDraft(db(), editor, draft.id, { ...context(), onUploadProgress: (event) => again.push(event) });
    expect(again.filter((event) => event.step.startsWith("image:"))).toEqual([
      expect.objectContaining({ done: true, reused: true }),
      expect.objectContaining({ done: true, reused: true }),
    ]);
  });
});
