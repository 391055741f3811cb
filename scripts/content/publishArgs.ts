import { parseArgs } from "node:util";
import type { FrontmatterOverrides } from "../../web/src/content/parseArticleSource.ts";

/** Command-line flags that override one frontmatter field each. */
const OVERRIDES = {
  title: "title",
  summary: "summary",
  slug: "slug",
  language: "language",
  "price-wei": "edition.price_wei",
  "max-supply": "edition.max_supply",
  "wallet-cap": "edition.wallet_cap",
  "sale-start": "edition.sale_start",
  "sale-end": "edition.sale_end",
  "premium-tier": "premium.tier",
} as const;

const NUMERIC = new Set(["edition.max_supply", "edition.wallet_cap", "premium.tier"]);

export const USAGE =
  "Usage: npm run publish:article -- <file.md> [--network <name>] [--abandon] " +
  Object.keys(OVERRIDES)
    .map((flag) => `[--${flag} <value>]`)
    .join(" ");

export function publishArgs(argv: string[]) {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      network: { type: "string", default: "localhost" },
      help: { type: "boolean" },
      abandon: { type: "boolean" },
      ...Object.fromEntries(Object.keys(OVERRIDES).map((flag) => [flag, { type: "string" as const }])),
    },
  });
  if (values.help || positionals.length !== 1) throw new Error(USAGE);
  const overrides: FrontmatterOverrides = {};
  for (const [flag, field] of Object.entries(OVERRIDES)) {
    const value = values[flag as keyof typeof values];
    if (typeof value !== "string") continue;
    overrides[field] = NUMERIC.has(field) && /^-?\d+$/.test(value) ? Number(value) : value;
  }
  return { file: positionals[0], network: values.network as string, overrides, abandon: values.abandon === true };
}
