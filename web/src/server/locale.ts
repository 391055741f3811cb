import "server-only";
import { cookies, headers } from "next/headers";
import { localeOf } from "@/i18n/locales.ts";
import { type Locale, translator } from "@/i18n/messages.ts";
import { LOCALE_COOKIE } from "./cookieNames.ts";

export { LOCALE_COOKIE };

/** The reader's language: their choice (a cookie), else the browser's Accept-Language, else English. */
export async function currentLocale(): Promise<Locale> {
  return localeOf((await cookies()).get(LOCALE_COOKIE)?.value, (await headers()).get("accept-language"));
}

export async function serverTranslator() {
  const locale = await currentLocale();
  return { locale, t: translator(locale) };
}
