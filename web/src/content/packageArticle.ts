import type { KuboRPCClient } from "kubo-rpc-client";
import { EDITION_HOLDERS_ONLY } from "../generated/contracts.ts";
import { cidOfBytes } from "../ipfs/cidOfBytes.ts";
import { type ArticleMetadata, premiumEnvelopeSchema } from "./articleMetadata.ts";
import { ALGORITHM, articleIdentity, newDataKey, newIv, seal } from "./contentCrypto.ts";
import { coverCard } from "./coverCard.ts";
import type { ArticleSource } from "./loadArticleSource.ts";
import { type MasterKey, wrapDataKey } from "./masterKey.ts";
import { rewriteImageLinks } from "./parseArticleSource.ts";

export interface PackageContext {
  ipfs: Pick<KuboRPCClient, "add">;
  masterKey: MasterKey;
  /** The publication the article is bound to (part of the encryption's associated data). */
  chainId: number;
  editions: string;
  /** Authors with wallets; the frontmatter's, or the publisher's when it names none. */
  authors: { name: string; address: string }[];
  siteUrl: string;
  onStep?: (message: string) => void;
  /** What an interrupted run of this article uploaded: found steps are reused, new ones recorded. */
  uploads?: PackageUploads;
  /** Each upload's progress as the IPFS node takes its bytes (a studio publish shows a bar per file). */
  onUploadProgress?: (progress: UploadProgress) => void;
}

/** How far one upload got: `bytes` of `total` taken by the node; a reused upload is done at once. */
export interface UploadProgress {
  step: string;
  bytes: number;
  total: number;
  done: boolean;
  reused: boolean;
}

/** A publish's record of its uploads by step (`image:<ref>`, `title-card`, `preview`, `premium`, `metadata`). */
export interface PackageUploads {
  reuse(step: string): Promise<{ cid: string; detail: unknown } | undefined>;
  record(step: string, cid: string, detail?: unknown): Promise<void>;
}

export interface ArticlePackage {
  metadataCid: string;
  metadata: ArticleMetadata;
}

async function allSettledOrThrow<const values extends readonly unknown[]>(promises: values) {
  const settled = await Promise.allSettled(promises);
  const failed = settled.find((result) => result.status === "rejected");
  if (failed) throw failed.reason;
  return settled.map((result) => (result as PromiseFulfilledResult<unknown>).value) as {
    -readonly [index in keyof values]: Awaited<values[index]>;
  };
}

const kib = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;

/** Seals the premium part under a fresh data key, which leaves this function only wrapped. */
function sealPremium(source: ArticleSource, context: PackageContext) {
  const identity = articleIdentity(context.chainId, context.editions, source.contentDigest);
  const dataKey = newDataKey();
  const iv = newIv();
  try {
    return {
      sealed: seal(dataKey, iv, new TextEncoder().encode(source.premium!), identity),
      envelope: {
        algorithm: ALGORITHM,
        iv: iv.toString("base64"),
        key_id: context.masterKey.id,
        wrapped_key: wrapDataKey(context.masterKey, dataKey, identity),
        level: source.frontmatter.premium!.tier === "edition" ? EDITION_HOLDERS_ONLY : (source.frontmatter.premium!.tier as number),
      },
    };
  } finally {
    dataKey.fill(0);
  }
}

/**
 * Uploads an article as IPFS content, everything pinned: images, the free preview, the premium
 * part sealed under a fresh data key, and the metadata JSON whose CID goes on chain.
 */
export async function packageArticle(source: ArticleSource, context: PackageContext): Promise<ArticlePackage> {
  const { ipfs, uploads, onStep = () => {}, onUploadProgress } = context;
  const { frontmatter } = source;
  const upload = async (step: string, label: string, bytes: Uint8Array, detail?: unknown) => {
    // Recorded before it is pinned: a run killed mid-upload leaves a record to resume from or
    // unpin, never a pin nobody knows of.
    const expected = uploads && (await cidOfBytes(bytes)).toString();
    if (uploads) await uploads.record(step, expected!, detail);
    const total = bytes.byteLength;
    const report = (taken: number, done = false) => onUploadProgress?.({ step, bytes: Math.min(taken, total), total, done, reused: false });
    report(0);
    const { cid } = await ipfs.add(bytes, {
      pin: true,
      cidVersion: 0,
      ...(onUploadProgress ? { progress: (taken: number) => report(taken) } : {}),
    });
    report(total, true);
    if (uploads && cid.toString() !== expected) await uploads.record(step, cid.toString(), detail);
    onStep(`${label} (${kib(bytes.byteLength)}) -> ${cid}`);
    return cid.toString();
  };
  // Same digest, same bytes: a step uploaded by an interrupted run is taken as it is.
  const uploadOnce = async (step: string, label: string, bytes: () => Uint8Array) => {
    const before = await uploads?.reuse(step);
    if (!before) return upload(step, label, bytes());
    onUploadProgress?.({ step, bytes: 0, total: 0, done: true, reused: true });
    onStep(`${label}: reusing the upload made before -> ${before.cid}`);
    return before.cid;
  };
  // Sealing is random (a fresh data key): reused only when sealed for this master key and level.
  const premiumPart = async () => {
    if (source.premium === null || !frontmatter.premium) return null;
    const level = frontmatter.premium.tier === "edition" ? EDITION_HOLDERS_ONLY : frontmatter.premium.tier;
    const before = await uploads?.reuse("premium");
    const envelope = premiumEnvelopeSchema.safeParse(before && { ...(before.detail as object), cid: before.cid });
    if (envelope.success && envelope.data.key_id === context.masterKey.id && envelope.data.level === level) {
      onUploadProgress?.({ step: "premium", bytes: 0, total: 0, done: true, reused: true });
      onStep(`Encrypted premium part: reusing the upload made before -> ${envelope.data.cid}`);
      return envelope.data;
    }
    const { sealed, envelope: fresh } = sealPremium(source, context);
    const cid = await upload("premium", `Encrypted premium part with ${ALGORITHM}, uploaded`, sealed, fresh);
    return { cid, ...fresh };
  };

  const links = new Map<string, string>();
  const images = [];
  for (const image of source.images) {
    if (links.has(image.ref)) continue;
    const cid = await uploadOnce(`image:${image.ref}`, `Uploaded image ${image.ref}`, () => image.bytes);
    links.set(image.ref, `ipfs://${cid}`);
    images.push({ ref: image.ref, cid });
  }
  const firstImage = images[0] ? `ipfs://${images[0].cid}` : undefined;
  const needsTitleCard = !frontmatter.cover && !firstImage;
  const preview = new TextEncoder().encode(rewriteImageLinks(source.free, links));

  // The title card, preview and premium part do not depend on each other: upload them together.
  // All settle before a failure is thrown, so nothing is still uploading (and recording) after it.
  const [titleCardCid, previewCid, premium] = await allSettledOrThrow([
    needsTitleCard &&
      uploadOnce("title-card", "Uploaded title card", () => coverCard(frontmatter.title, frontmatter.section, frontmatter.publication)),
    uploadOnce("preview", "Uploaded free preview", () => preview),
    premiumPart(),
  ] as const);
  const cover = frontmatter.cover ? (links.get(frontmatter.cover) ?? frontmatter.cover) : (firstImage ?? `ipfs://${titleCardCid}`);

  const published = frontmatter.published;
  const metadata: ArticleMetadata = {
    name: frontmatter.title,
    description: frontmatter.summary,
    image: cover,
    external_url: `${context.siteUrl.replace(/\/$/, "")}/articles/${source.slug}`,
    attributes: [
      { trait_type: "Language", value: frontmatter.language },
      { trait_type: "Section", value: frontmatter.section },
      { trait_type: "Published", value: Math.floor(published.getTime() / 1000), display_type: "date" },
      {
        trait_type: "Access",
        value: !premium ? "Free" : premium.level === EDITION_HOLDERS_ONLY ? "Edition holders" : `Pass level ${premium.level}`,
      },
      ...frontmatter.tags.map((tag) => ({ trait_type: "Tag", value: tag })),
    ],
    properties: {
      schema: "topnftpost/article@1",
      slug: source.slug,
      language: frontmatter.language,
      publication: frontmatter.publication,
      section: frontmatter.section,
      tags: frontmatter.tags,
      published: published.toISOString(),
      authors: context.authors,
      content_digest: source.contentDigest,
      preview: { cid: previewCid, bytes: preview.byteLength },
      images,
      premium,
      // Only when given, so an article that translates nothing keeps the metadata (and CID) it had.
      ...(frontmatter.translation_of ? { translation_of: frontmatter.translation_of } : {}),
    },
  };
  // Always uploaded: small, and its bytes follow from the steps above (the same CID when they match).
  const metadataCid = await upload("metadata", "Uploaded metadata", new TextEncoder().encode(JSON.stringify(metadata, null, 2)));
  return { metadataCid, metadata };
}
