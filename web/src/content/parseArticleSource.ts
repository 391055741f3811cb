import { createHash } from "node:crypto";
import { parse as parseYaml } from "yaml";
import { ArticleSourceError } from "./articleSourceError.ts";
import { type Frontmatter, frontmatterSchema } from "./articleFrontmatter.ts";
import { PREMIUM_MARKER } from "./premiumMarker.ts";

// Here too, for the modules that import it from the parser (the browser imports premiumMarker.ts).
export { PREMIUM_MARKER };

/** A Markdown image whose source is a path next to the article, not a URL. */
export interface LocalImageReference {
  /** The path exactly as written in the Markdown. */
  ref: string;
  part: "free" | "premium";
}

export interface ParsedArticleSource {
  frontmatter: Frontmatter;
  free: string;
  premium: string | null;
  images: LocalImageReference[];
}

/** Dotted frontmatter paths ("edition.price_wei") and the values that replace them. */
export type FrontmatterOverrides = Record<string, unknown>;

const IMAGE = /!\[([^\]]*)\]\(\s*<?([^)\s>]+)>?(\s+"[^"]*")?\s*\)/g;
const isLocal = (ref: string) => !/^[a-z][a-z0-9+.-]*:/i.test(ref) && !ref.startsWith("//");

function splitFrontmatter(text: string) {
  const match = /^\uFEFF?---\r?\n([\s\S]*?)\r?\n---\r?\n?/.exec(text);
  if (!match) throw new ArticleSourceError("frontmatter", "missing: the file must start with a --- block of YAML");
  return { yaml: match[1], body: text.slice(match[0].length) };
}

function applyOverrides(raw: Record<string, unknown>, overrides: FrontmatterOverrides) {
  for (const [path, value] of Object.entries(overrides)) {
    const keys = path.split(".");
    let target = raw;
    for (const key of keys.slice(0, -1)) {
      if (typeof target[key] !== "object" || target[key] === null) target[key] = {};
      target = target[key] as Record<string, unknown>;
    }
    target[keys.at(-1)!] = value;
  }
}

function valueAt(raw: unknown, path: PropertyKey[]) {
  return path.reduce<unknown>((value, key) => (value as Record<PropertyKey, unknown> | undefined)?.[key], raw);
}

function validate(raw: unknown): Frontmatter {
  const result = frontmatterSchema.safeParse(raw);
  if (result.success) return result.data;
  const [issue] = result.error.issues;
  const field = issue.path.join(".") || "frontmatter";
  const problem = valueAt(raw, issue.path) === undefined ? "is required" : issue.message;
  throw new ArticleSourceError(field, problem);
}

/**
 * Parses an article's Markdown: validates the frontmatter, splits the free part from the
 * premium part at the marker, and lists the local images it references.
 */
export function parseArticleSource(text: string, overrides: FrontmatterOverrides = {}): ParsedArticleSource {
  const { yaml, body } = splitFrontmatter(text);
  let raw: unknown;
  try {
    raw = parseYaml(yaml) ?? {};
  } catch (error) {
    throw new ArticleSourceError("frontmatter", `is not valid YAML (${(error as Error).message.split("\n")[0]})`);
  }
  if (typeof raw !== "object" || Array.isArray(raw)) throw new ArticleSourceError("frontmatter", "must be a YAML mapping");
  applyOverrides(raw as Record<string, unknown>, overrides);
  const frontmatter = validate(raw);

  const markers = body.split(PREMIUM_MARKER).length - 1;
  if (markers > 1) throw new ArticleSourceError("body", `has ${markers} premium markers; use ${PREMIUM_MARKER} once`);
  const [free, premium = null] = body.split(PREMIUM_MARKER).map((part) => part.trim());
  if (frontmatter.premium && premium === null) {
    throw new ArticleSourceError("premium.tier", `is set but the body has no ${PREMIUM_MARKER} marker`);
  }
  if (!frontmatter.premium && premium !== null) {
    throw new ArticleSourceError("premium.tier", `is required: the body has a ${PREMIUM_MARKER} marker`);
  }
  if (premium !== null && premium.length === 0) throw new ArticleSourceError("body", "the premium part is empty");
  if (free.length === 0) throw new ArticleSourceError("body", "the free part before the premium marker is empty");

  const { sale_start: start, sale_end: end } = frontmatter.edition;
  if (start && end && end <= start) throw new ArticleSourceError("edition.sale_end", "must be after edition.sale_start");
  if (frontmatter.authors) {
    const total = frontmatter.authors.reduce((sum, author) => sum + author.share_bps, 0) + frontmatter.edition.treasury_bps;
    if (total !== 10_000) {
      throw new ArticleSourceError("authors", `shares plus edition.treasury_bps must total 10000, got ${total}`);
    }
  }

  const images: LocalImageReference[] = [];
  for (const [part, markdown] of [
    ["free", free],
    ["premium", premium ?? ""],
  ] as const) {
    for (const [, , ref] of markdown.matchAll(IMAGE)) if (isLocal(ref)) images.push({ ref, part });
  }
  if (frontmatter.cover && isLocal(frontmatter.cover)) images.push({ ref: frontmatter.cover, part: "free" });
  const premiumImage = images.find((image) => image.part === "premium");
  if (premiumImage) {
    throw new ArticleSourceError(
      "body",
      `the premium part references the local image "${premiumImage.ref}"; images are public on IPFS, so move it to the free part`,
    );
  }
  return { frontmatter, free, premium, images };
}

/** Replaces each local image path in Markdown with its `ipfs://` link. */
export function rewriteImageLinks(markdown: string, links: Map<string, string>) {
  return markdown.replace(IMAGE, (whole, alt: string, ref: string, title = "") =>
    links.has(ref) ? `![${alt}](${links.get(ref)}${title})` : whole,
  );
}

export const sha256Hex = (bytes: Uint8Array | string) => createHash("sha256").update(bytes).digest("hex");
