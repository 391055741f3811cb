import Link from "next/link";
import { formatPrice } from "@/i18n/formatting.ts";
import type { Locale, Translate } from "@/i18n/messages.ts";
import { nullWhileDown } from "@/server/serviceUnavailable.ts";
import { readStudioFigures } from "@/server/studio/studioFigures.ts";
import { walletSetupFor } from "@/server/walletSetupFor.ts";
import type { StudioViewer } from "@/studio/studioAccess.ts";
import { PublishedFiguresTable } from "./PublishedFiguresTable.tsx";
import { StudioWithdrawIsland } from "./StudioWithdrawIsland.tsx";

/** /studio's published articles, a page at a time, with their sales and the viewer's withdraw. */
export async function StudioFigures(props: { viewer: StudioViewer; before?: string; locale: Locale; t: Translate }) {
  const { viewer, locale, t } = props;
  const before = props.before && /^\d{1,20}$/.test(props.before) ? BigInt(props.before) : undefined;
  // The drafts above stay usable while the index is down: only this part says it cannot be shown.
  const figures = await nullWhileDown(readStudioFigures(viewer, before));
  const heading = <h2 id="published-figures-title">{t(viewer.isEditor ? "studio.figures.titleEditor" : "studio.figures.title")}</h2>;
  if (!figures) {
    return (
      <section aria-labelledby="published-figures-title">
        {heading}
        <p role="status">{t("unavailable.index")}</p>
      </section>
    );
  }
  return (
    <section aria-labelledby="published-figures-title">
      {heading}
      {figures.stale && <p className="muted">{t("studio.figures.stale")}</p>}
      <PublishedFiguresTable articles={figures.articles} withWriter={viewer.isEditor} locale={locale} t={t} />
      <p>
        {before !== undefined && <Link href="/studio">{t("studio.figures.newest")}</Link>}{" "}
        {figures.nextBefore !== null && <Link href={`/studio?published=${figures.nextBefore}`}>{t("studio.figures.older")}</Link>}
      </p>
      <h3>{t("studio.figures.earnings")}</h3>
      <p data-testid="studio-owed" data-wei={figures.owed.total.toString()}>
        {figures.owed.total > 0n ? t("library.owed", { amount: formatPrice(figures.owed.total, locale) }) : t("library.nothingOwed")}
      </p>
      <StudioWithdrawIsland setup={walletSetupFor(locale)} owed={figures.owed.total.toString()} articleIds={figures.owed.articleIds} />
    </section>
  );
}
