import type { KuboRPCClient } from "kubo-rpc-client";
import { EDITION_HOLDERS_ONLY } from "../generated/contracts.ts";
import type { ArticleMetadata } from "./articleMetadata.ts";
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
}

export interface ArticlePackage {
  metadataCid: string;
  metadata: ArticleMetadata;
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
  const { ipfs, onStep = () => {} } = context;
  const { frontmatter } = source;
  const add = async (label: string, bytes: Uint8Array) => {
    const { cid } = await ipfs.add(bytes, { pin: true, cidVersion: 0 });
    onStep(`${label} (${kib(bytes.byteLength)}) -> ${cid}`);
    return cid.toString();
  };

  const links = new Map<string, string>();
  const images = [];
  for (const image of source.images) {
    if (links.has(image.ref)) continue;
    const cid = await add(`Uploaded image ${image.ref}`, image.bytes);
    links.set(image.ref, `ipfs://${cid}`);
    images.push({ ref: image.ref, cid });
  }
  const firstImage = images[0] ? `ipfs://${images[0].cid}` : undefined;
  const titleCard = frontmatter.cover || firstImage ? null : coverCard(frontmatter.title, frontmatter.section, frontmatter.publication);
  const preview = new TextEncoder().encode(rewriteImageLinks(source.free, links));
  const sealedPremium = source.premium !== null && frontmatter.premium ? sealPremium(source, context) : null;

  // The title card, preview and premium part do not depend on each other: upload them together.
  const [titleCardCid, previewCid, premiumCid] = await Promise.all([
    titleCard && add("Uploaded title card", titleCard),
    add("Uploaded free preview", preview),
    sealedPremium && add(`Encrypted premium part with ${ALGORITHM}, uploaded`, sealedPremium.sealed),
  ]);
  const cover = frontmatter.cover ? (links.get(frontmatter.cover) ?? frontmatter.cover) : (firstImage ?? `ipfs://${titleCardCid}`);
  const premium: ArticleMetadata["properties"]["premium"] =
    sealedPremium && premiumCid ? { cid: premiumCid, ...sealedPremium.envelope } : null;

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
    },
  };
  const metadataCid = await add("Uploaded metadata", new TextEncoder().encode(JSON.stringify(metadata, null, 2)));
  return { metadataCid, metadata };
}
