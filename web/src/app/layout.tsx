import type { Metadata } from "next";
import Link from "next/link";
import { cookies } from "next/headers";
import type { ReactNode } from "react";
import { SearchForm } from "@/components/SearchForm.tsx";
import { shortAddress } from "@/i18n/formatting.ts";
import { currentLocale } from "@/server/locale.ts";
import { translator } from "@/i18n/messages.ts";
import { readSession, SESSION_COOKIE } from "@/server/session.ts";
import { serverConfig } from "@/server/serverConfig.ts";
import { nullWhileDown } from "@/server/serviceUnavailable.ts";
// Noto Sans KR from npm, cut into unicode-range subsets: a page downloads only the glyphs it shows.
import "@fontsource-variable/noto-sans-kr";
import "./globals.css";

export async function generateMetadata(): Promise<Metadata> {
  const t = translator(await currentLocale());
  return {
    metadataBase: serverConfig().site,
    title: { default: "TopNFTpost", template: "%s · TopNFTpost" },
    description: t("site.tagline"),
  };
}

export default async function RootLayout({ children }: { children: ReactNode }) {
  const locale = await currentLocale();
  const t = translator(locale);
  // The masthead leaves out who is signed in while the database is down; the page says why if it needs it.
  const session = await nullWhileDown(readSession((await cookies()).get(SESSION_COOKIE)?.value));
  return (
    <html lang={locale}>
      <body>
        <header className="masthead">
          <Link href="/" className="brand">
            TopNFTpost
          </Link>
          <nav aria-label="main">
            <Link href="/">{t("nav.front")}</Link>
            <Link href="/membership">{t("nav.membership")}</Link>
            <Link href="/library">{t("nav.library")}</Link>
            <Link href="/dao">{t("nav.dao")}</Link>
            {session && <Link href="/studio">{t("nav.studio")}</Link>}
          </nav>
          <div className="masthead-end">
            <SearchForm t={t} inMasthead />
            {session && (
              <span className="muted" data-testid="session-address">
                {shortAddress(session.address)}
              </span>
            )}
            <form method="post" action="/api/lang">
              <input type="hidden" name="lang" value={locale === "ko" ? "en" : "ko"} />
              <button type="submit" className="link" data-testid="switch-language">
                {t("nav.language")}
              </button>
            </form>
          </div>
        </header>
        <main>{children}</main>
        <footer className="muted">{t("site.tagline")}</footer>
      </body>
    </html>
  );
}
