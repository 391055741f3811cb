import type { Metadata } from "next";
import { cookies } from "next/headers";
import Link from "next/link";
import { LibraryIsland } from "@/components/LibraryIsland.tsx";
import { formatDate, formatPrice } from "@/i18n/formatting.ts";
import { passNumber } from "@/contracts/passNumber.ts";
import { chainNow } from "@/server/catalog.ts";
import { serverTranslator } from "@/server/locale.ts";
import { pageUnlessUnavailable } from "@/server/pageUnlessUnavailable.tsx";
import { readLibrary } from "@/server/readLibrary.ts";
import { readSession, SESSION_COOKIE } from "@/server/session.ts";
import { walletSetupFor } from "@/server/walletSetupFor.ts";

export const metadata: Metadata = { title: "My TopNFTpost" };

export default function LibraryPage() {
  return pageUnlessUnavailable(libraryPage);
}

async function libraryPage() {
  const { locale, t } = await serverTranslator();
  const session = await readSession((await cookies()).get(SESSION_COOKIE)?.value);
  const library = session ? await readLibrary(session.address) : null;
  const now = await chainNow();
  return (
    <>
      <h1>{t("library.title")}</h1>
      {!library && (
        // A heading for the wallet dialog's own (h3) to sit under.
        <>
          <h2>{t("library.signInTitle")}</h2>
          <p>{t("library.signIn")}</p>
        </>
      )}
      {library && (
        <>
          <h2>{t("library.passes")}</h2>
          {library.passes.length === 0 && <p>{t("library.noPasses")}</p>}
          <ul data-testid="library-passes">
            {library.passes.map((pass) => (
              <li key={pass.tokenId}>
                {pass.tierName} (#{passNumber(pass.tokenId)}):{" "}
                {pass.lifetime
                  ? t("membership.forever")
                  : t(pass.expiresAt > now ? "membership.validUntil" : "membership.expiredOn", {
                      date: formatDate(pass.expiresAt, locale),
                    })}
              </li>
            ))}
          </ul>
          <h2>{t("library.editions")}</h2>
          {library.editions.length === 0 && <p>{t("library.noEditions")}</p>}
          <ul data-testid="library-editions">
            {library.editions.map((edition) => (
              <li key={edition.articleId}>
                <Link href={`/articles/${edition.slug}`}>{t("library.copies", { count: edition.count, title: edition.title })}</Link>
                {edition.unlistedReason !== null && (
                  <p className="muted" data-testid="library-unlisted">
                    {t("library.unlisted", { reason: edition.unlistedReason })}
                  </p>
                )}
              </li>
            ))}
          </ul>
          <h2>{t("library.earnings")}</h2>
          <p data-testid="library-owed">
            {library.editionsOwed + library.passOwed > 0n
              ? t("library.owed", { amount: formatPrice(library.editionsOwed + library.passOwed, locale) })
              : t("library.nothingOwed")}
          </p>
        </>
      )}
      <LibraryIsland
        setup={walletSetupFor(locale)}
        data={
          library && {
            renewals: library.passes
              .filter((pass) => !pass.lifetime)
              .map((pass) => ({ tokenId: pass.tokenId, tierName: pass.tierName, duration: pass.duration, price: pass.price.toString() })),
            editionsOwed: library.editionsOwed.toString(),
            passOwed: library.passOwed.toString(),
            articleIds: library.articleIds,
          }
        }
      />
    </>
  );
}
