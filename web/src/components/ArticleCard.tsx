import Link from "next/link";
import { EDITION_HOLDERS_ONLY } from "@/generated/contracts.ts";
import { formatDate, formatPrice } from "@/i18n/formatting.ts";
import { type Locale, translator } from "@/i18n/messages.ts";
import { type ArticleEntry, gatewayLink } from "@/server/catalog.ts";
import { EditionStatus } from "./EditionStatus.tsx";

export function ArticleCard({ article, locale, now }: { article: ArticleEntry; locale: Locale; now: number }) {
  const t = translator(locale);
  const href = `/articles/${article.slug}`;
  return (
    <li className="card" data-testid="article-card">
      <Link href={href} tabIndex={-1} aria-hidden>
        <img src={gatewayLink(article.cover)} alt="" loading="lazy" />
      </Link>
      <div>
        <h2 lang={article.language}>
          <Link href={href}>{article.title}</Link>
        </h2>
        <p lang={article.language}>{article.summary}</p>
        <p className="muted">
          <span className={`badge ${article.premiumLevel ? "premium" : ""}`}>
            {article.premiumLevel === 0
              ? t("badge.free")
              : article.premiumLevel === EDITION_HOLDERS_ONLY
                ? t("badge.editionOnly")
                : t("badge.premium")}
          </span>
          {article.language.toUpperCase()} · {formatDate(Date.parse(article.published) / 1000, locale)} ·{" "}
          {formatPrice(article.sale.price, locale)} · <EditionStatus sale={article.sale} locale={locale} now={now} />
        </p>
      </div>
    </li>
  );
}
