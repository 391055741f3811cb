import { z } from "zod";
import { articleEditionsConstants } from "../generated/contracts.ts";

// The frontmatter a writer puts on an article, validated before anything is uploaded. Every
// failure names the field, so "edition.price_wei" tells the writer exactly what to fix.

export const LANGUAGES = ["ko", "en"] as const;
export type Language = (typeof LANGUAGES)[number];

const wholeWei = z.union([z.string(), z.number()]).transform((value, context) => {
  const text = String(value).trim();
  if (!/^-?\d+$/.test(text)) {
    context.addIssue({ code: "custom", message: `must be a whole number of wei, got "${text}"` });
    return z.NEVER;
  }
  const wei = BigInt(text);
  if (wei < 0n) context.addIssue({ code: "custom", message: `must not be negative, got ${text}` });
  if (wei >= 2n ** 80n) context.addIssue({ code: "custom", message: "is larger than the contract's uint80 (about 1.2 million ETH)" });
  return wei;
});

const count = (max: number) => z.number().int("must be a whole number").min(0, "must not be negative").max(max);
const bps = z.number().int("must be a whole number").min(0, "must not be negative").max(10_000, "is at most 10000 (100%)");

const moment = z.union([z.string(), z.date()]).transform((value, context) => {
  const date = value instanceof Date ? value : new Date(value);
  if (Number.isNaN(date.getTime())) {
    context.addIssue({ code: "custom", message: `must be a date like 2023-10-29, got "${String(value)}"` });
    return z.NEVER;
  }
  return date;
});

const { MAX_AUTHORS, MAX_REFERRAL_BPS } = articleEditionsConstants;

const address = z.string().regex(/^0x[0-9a-fA-F]{40}$/, "must be a 0x-prefixed 20-byte address");

export const frontmatterSchema = z.object({
  title: z.string().trim().min(1, "is required").max(200, "is longer than 200 characters"),
  summary: z.string().trim().min(1, "is required").max(1_000, "is longer than 1000 characters"),
  language: z.enum(LANGUAGES, { message: `must be one of ${LANGUAGES.join(", ")}` }),
  slug: z
    .string()
    .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, "must be lower-case words joined by hyphens")
    .max(120)
    .optional(),
  /** The slug of the article this one translates: each is then linked from the other's page. */
  translation_of: z
    .string()
    .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, "must be the slug of the original article (lower-case words joined by hyphens)")
    .max(120)
    .optional(),
  publication: z.string().trim().min(1).default("TopNFTpost"),
  section: z.string().trim().min(1).default("news"),
  tags: z.array(z.string().trim().min(1, "must not be empty")).max(20).default([]),
  published: moment,
  cover: z.string().min(1).optional(),
  authors: z
    .array(z.object({ name: z.string().trim().min(1, "is required"), address, share_bps: bps }))
    .min(1, "needs at least one author when given")
    .max(Number(MAX_AUTHORS), `allows at most ${MAX_AUTHORS} authors`)
    .optional(),
  edition: z.object({
    price_wei: wholeWei,
    max_supply: count(2 ** 32 - 1).default(0),
    wallet_cap: count(65_535).default(0),
    sale_start: moment.optional(),
    sale_end: moment.optional(),
    royalty_bps: bps.default(500),
    // A referral is a discount anyone can take, so the contract keeps it small.
    referral_bps: bps.max(MAX_REFERRAL_BPS, `is at most ${MAX_REFERRAL_BPS} (${MAX_REFERRAL_BPS / 100}%)`).default(0),
    treasury_bps: bps.default(1_000),
  }),
  premium: z
    .object({
      tier: z.union(
        [z.number().int("must be a whole number").min(1, "must be at least 1").max(254, "must be at most 254"), z.literal("edition")],
        { message: 'must be a pass level from 1 to 254, or "edition"' },
      ),
    })
    .optional(),
});

export type Frontmatter = z.output<typeof frontmatterSchema>;
