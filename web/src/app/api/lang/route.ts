import { type NextRequest, NextResponse } from "next/server";
import { LOCALES, type Locale } from "@/i18n/messages.ts";
import { LOCALE_COOKIE } from "@/server/locale.ts";
import { serverConfig } from "@/server/serverConfig.ts";

/** Remembers the reader's language for a year and goes back to the page they were on. */
export async function POST(request: NextRequest) {
  const form = await request.formData().catch(() => null);
  const lang = form?.get("lang");
  if (!LOCALES.includes(lang as Locale)) return NextResponse.json({ error: `lang must be one of ${LOCALES.join(", ")}` }, { status: 400 });
  const site = serverConfig().site;
  let back = "/";
  try {
    const referer = new URL(request.headers.get("referer") ?? "/", site);
    if (referer.origin === site.origin) back = `${referer.pathname}${referer.search}`;
  } catch {}
  const response = NextResponse.redirect(new URL(back, site), 303);
  response.cookies.set(LOCALE_COOKIE, lang as string, { path: "/", maxAge: 365 * 86_400, sameSite: "lax" });
  return response;
}
