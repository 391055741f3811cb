import Link from "next/link";
import { EDITION_HOLDERS_ONLY } from "@/generated/contracts.ts";
import { formatDate, formatPrice } from "@/i18n/formatting.ts";
import { type Locale, translator } from "@/i18n/messages.ts";
import { type ArticleEntry, gatewayLink } from "@/server/catalog.ts";
import { EditionStatus } from "./EditionStatus.tsx";

export function ArticleCard({ article, locale, now }: { article: ArticleEntry; locale: Locale; now: number }) {
  const t = translator(locale);
  const { metadata } = article;
  const href = `/articles/${metadata.properties.slug}`;
  return (
    <li className="card" data-testid="article-card">
      <Link href={href} tabIndex={-1} aria-hidden>
        <img src={gatewayLink(metadata.image)} alt="" loading="lazy" />
      </Link>
      <div>
        <h2 lang={metadata.properties.language}>
          <Link href={href}>{metadata.name}</Link>
        </h2>
        <p lang={metadata.properties.language}>{metadata.description}</p>
        <p className="muted">
          <span className={`badge ${article.premiumLevel ? "premium" : ""}`}>
            {article.premiumLevel === 0
              ? t("badge.free")
              : article.premiumLevel === EDITION_HOLDERS_ONLY
                ? t("badge.editionOnly")
                : t("badge.premium")}
          </span>
          {metadata.properties.language.toUpperCase()} · {formatDate(Date.parse(metadata.properties.published) / 1000, locale)} ·{" "}
          {formatPrice(article.sale.price, locale)} · <EditionStatus sale={article.sale} locale={locale} now={now} />
        </p>
      </div>
    </li>
  );
}
