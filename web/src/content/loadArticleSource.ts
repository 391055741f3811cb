import { readFile, stat } from "node:fs/promises";
import { basename, dirname, extname, relative, resolve } from "node:path";
import { ArticleSourceError } from "./articleSourceError.ts";
import { type FrontmatterOverrides, type ParsedArticleSource, parseArticleSource, sha256Hex } from "./parseArticleSource.ts";

export const IMAGE_TYPES: Record<string, string> = {
  ".png": "image/png",
  ".jpg": "image/jpeg",
  ".jpeg": "image/jpeg",
  ".gif": "image/gif",
  ".webp": "image/webp",
  ".avif": "image/avif",
  ".svg": "image/svg+xml",
};
const MAX_IMAGE_BYTES = 20 * 1024 * 1024;

export interface ArticleImage {
  ref: string;
  bytes: Uint8Array;
}

export interface ArticleSource extends ParsedArticleSource {
  slug: string;
  images: (ParsedArticleSource["images"][number] & ArticleImage)[];
  /** Fingerprint of everything that shapes the package: unchanged content means the same digest. */
  contentDigest: string;
}

async function readImage(articleDir: string, ref: string) {
  const path = resolve(articleDir, decodeURI(ref));
  const inside = relative(articleDir, path);
  if (inside.startsWith("..") || resolve(articleDir, inside) !== path) {
    throw new ArticleSourceError(`image ${ref}`, "must be inside the article's folder");
  }
  if (!IMAGE_TYPES[extname(path).toLowerCase()]) {
    throw new ArticleSourceError(`image ${ref}`, `must be one of ${Object.keys(IMAGE_TYPES).join(" ")}`);
  }
  const info = await stat(path).catch(() => null);
  if (!info?.isFile()) throw new ArticleSourceError(`image ${ref}`, `not found at ${path}`);
  if (info.size > MAX_IMAGE_BYTES) throw new ArticleSourceError(`image ${ref}`, "is larger than 20 MB");
  return new Uint8Array(await readFile(path));
}

/** The digest input is canonical JSON: dates as ISO strings, wei as decimal strings. */
function canonical(value: unknown): unknown {
  if (value instanceof Date) return value.toISOString();
  if (typeof value === "bigint") return value.toString();
  if (Array.isArray(value)) return value.map(canonical);
  if (value && typeof value === "object") {
    return Object.fromEntries(
      Object.keys(value)
        .sort()
        .map((key) => [key, canonical((value as Record<string, unknown>)[key])]),
    );
  }
  return value;
}

/** Reads, validates and fingerprints an article file and the local images it references. */
export async function loadArticleSource(filePath: string, overrides: FrontmatterOverrides = {}): Promise<ArticleSource> {
  const text = await readFile(filePath, "utf8").catch((error: NodeJS.ErrnoException) => {
    throw new ArticleSourceError("file", error.code === "ENOENT" ? `${filePath} does not exist` : error.message);
  });
  const parsed = parseArticleSource(text, overrides);
  const articleDir = dirname(resolve(filePath));
  const images: ArticleSource["images"] = [];
  for (const image of parsed.images) images.push({ ...image, bytes: await readImage(articleDir, image.ref) });
  return assembleArticleSource(parsed, basename(filePath, extname(filePath)), images);
}

/**
 * A parsed article with its images, named (the frontmatter's slug, else `name` made URL-safe) and
 * fingerprinted: the same content gives the same digest whether it came from a file or the studio.
 */
export function assembleArticleSource(parsed: ParsedArticleSource, name: string, images: ArticleSource["images"]): ArticleSource {
  const slug = parsed.frontmatter.slug ?? name.toLowerCase().replace(/[^a-z0-9]+/g, "-");
  const contentDigest = sha256Hex(
    JSON.stringify(
      canonical({
        frontmatter: parsed.frontmatter,
        slug,
        free: parsed.free,
        premium: parsed.premium,
        images: images.map(({ ref, bytes }) => ({ ref, sha256: sha256Hex(bytes) })),
      }),
    ),
  );
  return { ...parsed, slug, images, contentDigest };
}
