import Link from "next/link";
import { formatNumber, formatPrice } from "@/i18n/formatting.ts";
import type { Locale, Translate } from "@/i18n/messages.ts";
import type { PublishedFigures } from "@/server/studio/studioFigures.ts";

/** Editions left: the cap minus those sold, "open" without a cap, or the sale closed early. */
function left(sales: NonNullable<PublishedFigures["sales"]>, locale: Locale, t: Translate) {
  if (sales.closed) return t("studio.figures.closed");
  if (sales.maxSupply === 0n) return t("studio.figures.open");
  return formatNumber(Number(sales.maxSupply - sales.sold), locale);
}

/** The studio's published articles with their sales, editions left and what each owes the viewer. */
export function PublishedFiguresTable(props: { articles: PublishedFigures[]; withWriter: boolean; locale: Locale; t: Translate }) {
  const { articles, withWriter, locale, t } = props;
  if (articles.length === 0) return <p>{t("studio.figures.none")}</p>;
  return (
    <table data-testid="published-figures">
      <thead>
        <tr>
          <th scope="col">{t("studio.column.title")}</th>
          {withWriter && <th scope="col">{t("studio.column.writer")}</th>}
          <th scope="col">{t("studio.figures.sold")}</th>
          <th scope="col">{t("studio.figures.left")}</th>
          <th scope="col">{t("studio.figures.owed")}</th>
        </tr>
      </thead>
      <tbody>
        {articles.map((article) => (
          <tr key={article.draftId} data-article-id={String(article.articleId)}>
            <td>
              <Link href={`/articles/${article.articleId}`}>{article.title || t("studio.untitled")}</Link>
            </td>
            {withWriter && <td>{article.owner}</td>}
            {article.sales ? (
              <>
                <td data-testid="figures-sold">{formatNumber(Number(article.sales.sold), locale)}</td>
                <td data-testid="figures-left">{left(article.sales, locale, t)}</td>
                <td data-testid="figures-owed" data-wei={article.sales.owed.toString()}>
                  {formatPrice(article.sales.owed, locale)}
                </td>
              </>
            ) : (
              <td colSpan={3}>{t("studio.figures.pending")}</td>
            )}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
