import "server-only";
import { cookies, headers } from "next/headers";
import { LOCALES, type Locale, translator } from "@/i18n/messages.ts";

export const LOCALE_COOKIE = "topnftpost_lang";

/** The reader's language: their choice (a cookie), else the browser's Accept-Language, else English. */
export async function currentLocale(): Promise<Locale> {
  const chosen = (await cookies()).get(LOCALE_COOKIE)?.value;
  if (LOCALES.includes(chosen as Locale)) return chosen as Locale;
  const accepted = (await headers()).get("accept-language") ?? "";
  for (const part of accepted.split(",")) {
    const tag = part.split(";")[0].trim().toLowerCase().slice(0, 2);
    if (LOCALES.includes(tag as Locale)) return tag as Locale;
  }
  return "en";
}

export async function serverTranslator() {
  const locale = await currentLocale();
  return { locale, t: translator(locale) };
}
