// The reader's language, decided the same way by the pages (server/locale.ts) and by the web
// server's page cache (server/pageCache), which keeps one copy of a page per language.

export const LOCALES = ["en", "ko"] as const;
export type Locale = (typeof LOCALES)[number];

/** Their choice (the language cookie), else the browser's Accept-Language, else English. */
export function localeOf(chosen: string | undefined, acceptLanguage: string | null | undefined): Locale {
  if (LOCALES.includes(chosen as Locale)) return chosen as Locale;
  for (const part of (acceptLanguage ?? "").split(",")) {
    const tag = part.split(";")[0].trim().toLowerCase().slice(0, 2);
    if (LOCALES.includes(tag as Locale)) return tag as Locale;
  }
  return "en";
}
