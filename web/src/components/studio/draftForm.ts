import type { Locale } from "@/i18n/messages.ts";

// The frontmatter form's values, kept in the shape of the CLI's YAML so that the one validator
// (parseArticleSource, on the server) judges them with its own messages.

export interface AuthorRow {
  name: string;
  address: string;
  share_bps: number;
}

export interface FrontmatterForm {
  title: string;
  summary: string;
  language: Locale;
  section: string;
  tags: string[];
  published: string;
  authors?: AuthorRow[];
  edition: {
    price_wei: string;
    max_supply: number;
    wallet_cap: number;
    sale_start?: string;
    sale_end?: string;
    royalty_bps: number;
    referral_bps: number;
    treasury_bps: number;
  };
  premium?: { tier: number | "edition" };
}

const today = () => new Date().toISOString().slice(0, 10);

/** A new draft's details: the writer as sole author with 90%, the treasury's default 10%. */
export function newDraftFrontmatter(locale: Locale, author: string): FrontmatterForm {
  return {
    title: "",
    summary: "",
    language: locale,
    section: "news",
    tags: [],
    published: today(),
    authors: [{ name: "", address: author, share_bps: 9_000 }],
    edition: { price_wei: "0", max_supply: 0, wallet_cap: 0, royalty_bps: 500, referral_bps: 0, treasury_bps: 1_000 },
  };
}

/** Whatever a stored draft holds, with every field the form shows present. */
export function formOf(stored: unknown, locale: Locale): FrontmatterForm {
  const base = newDraftFrontmatter(locale, "");
  const raw = (stored ?? {}) as Partial<FrontmatterForm>;
  return { ...base, ...raw, authors: raw.authors ?? [], edition: { ...base.edition, ...(raw.edition ?? {}) } };
}

/** The form as frontmatter: empty optional fields left out, as a writer would leave them out of YAML. */
export function frontmatterOf(form: FrontmatterForm): Record<string, unknown> {
  const { edition, authors, premium, ...rest } = form;
  const { sale_start, sale_end, ...terms } = edition;
  return {
    ...rest,
    ...(authors && authors.length > 0 ? { authors } : {}),
    edition: { ...terms, ...(sale_start ? { sale_start } : {}), ...(sale_end ? { sale_end } : {}) },
    ...(premium ? { premium } : {}),
  };
}
