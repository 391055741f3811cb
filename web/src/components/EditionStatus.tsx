import { formatDate, formatNumber } from "@/i18n/formatting.ts";
import { type Locale, translator } from "@/i18n/messages.ts";
import type { ArticleEntry } from "@/server/catalog.ts";

/** Editions left, sold out, closed or not yet open: what a collector checks first. */
export function EditionStatus({ sale, locale, now }: { sale: ArticleEntry["sale"]; locale: Locale; now: number }) {
  const t = translator(locale);
  if (sale.maxSupply > 0 && sale.minted >= sale.maxSupply) return <>{t("edition.soldOut")}</>;
  if (sale.saleEnd <= now) return <>{t("edition.closed")}</>;
  if (sale.saleStart > now) return <>{t("edition.notYet", { date: formatDate(sale.saleStart, locale) })}</>;
  if (sale.maxSupply === 0) return <>{t("edition.open")}</>;
  return <>{t("edition.left", { left: formatNumber(sale.maxSupply - sale.minted, locale), max: formatNumber(sale.maxSupply, locale) })}</>;
}
