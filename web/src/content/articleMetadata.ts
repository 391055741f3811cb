import { z } from "zod";
import { EDITION_HOLDERS_ONLY } from "../generated/contracts.ts";
import { LANGUAGES } from "./articleFrontmatter.ts";

// The metadata JSON an article's token URI points at: the common marketplace schema (name,
// description, image, external_url, attributes) with TopNFTpost's own `properties`.

const cidText = z.string().regex(/^(Qm[1-9A-HJ-NP-Za-km-z]{44}|b[a-z2-7]{50,})$/, "must be a CID");

export const premiumEnvelopeSchema = z.object({
  cid: cidText,
  algorithm: z.literal("AES-256-GCM"),
  iv: z.string().regex(/^[A-Za-z0-9+/]{16}$/, "must be 12 bytes of base64"),
  key_id: z.string().regex(/^[0-9a-f]{16}$/),
  wrapped_key: z.string().min(1),
  level: z.number().int().min(1).max(EDITION_HOLDERS_ONLY),
});

export const articleMetadataSchema = z.object({
  name: z.string(),
  description: z.string(),
  image: z.string(),
  external_url: z.string(),
  attributes: z.array(z.object({ trait_type: z.string(), value: z.union([z.string(), z.number()]), display_type: z.string().optional() })),
  properties: z.object({
    schema: z.literal("topnftpost/article@1"),
    slug: z.string(),
    language: z.enum(LANGUAGES),
    publication: z.string(),
    section: z.string(),
    tags: z.array(z.string()),
    published: z.string(),
    authors: z.array(z.object({ name: z.string(), address: z.string() })),
    content_digest: z.string().regex(/^[0-9a-f]{64}$/),
    preview: z.object({ cid: cidText, bytes: z.number().int() }),
    images: z.array(z.object({ ref: z.string(), cid: cidText })),
    premium: premiumEnvelopeSchema.nullable(),
    /** The slug of the article this one translates (its other-language version); left out when none. */
    translation_of: z.string().optional(),
  }),
});

export type ArticleMetadata = z.infer<typeof articleMetadataSchema>;
export type PremiumEnvelope = z.infer<typeof premiumEnvelopeSchema>;
