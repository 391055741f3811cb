import Link from "next/link";
import { ArticleCard } from "@/components/ArticleCard.tsx";
import { chainNow, readCatalog } from "@/server/catalog.ts";
import { serverTranslator } from "@/server/locale.ts";
import { pageUnlessUnavailable } from "@/server/pageUnlessUnavailable.tsx";

const PER_PAGE = 10;

type Props = { searchParams: Promise<{ page?: string; tag?: string }> };

export default function FrontPage(props: Props) {
  return pageUnlessUnavailable(() => frontPage(props));
}

async function frontPage({ searchParams }: Props) {
  const { locale, t } = await serverTranslator();
  const { page: pageParam, tag } = await searchParams;
  const [{ articles: all, unreachable }, now] = await Promise.all([readCatalog(), chainNow()]);
  const articles = tag ? all.filter((a) => a.metadata.properties.tags.includes(tag) || a.metadata.properties.section === tag) : all;
  const pages = Math.max(1, Math.ceil(articles.length / PER_PAGE));
  const page = Math.min(pages, Math.max(1, Number.parseInt(pageParam ?? "1", 10) || 1));
  const shown = articles.slice((page - 1) * PER_PAGE, page * PER_PAGE);
  const sections = [...new Set(all.map((a) => a.metadata.properties.section))];
  const link = (p: number) => `/?${new URLSearchParams({ ...(tag ? { tag } : {}), page: String(p) })}`;

  return (
    <>
      <h1>{tag ? t("front.tagged", { tag }) : t("front.title")}</h1>
      <ul className="tags" aria-label="sections">
        {tag && (
          <li>
            <Link href="/">{t("front.all")}</Link>
          </li>
        )}
        {sections.map((section) => (
          <li key={section}>
            <Link href={`/?tag=${encodeURIComponent(section)}`}>#{section}</Link>
          </li>
        ))}
      </ul>
      {unreachable.size > 0 && (
        <p role="status" data-testid="articles-left-out">
          {t("front.someUnreachable")}
        </p>
      )}
      {shown.length === 0 && <p>{t("front.empty")}</p>}
      <ul className="cards">
        {shown.map((article) => (
          <ArticleCard key={article.id} article={article} locale={locale} now={now} />
        ))}
      </ul>
      {pages > 1 && (
        <nav className="pagination" aria-label="pages">
          {page > 1 ? <Link href={link(page - 1)}>{t("front.newer")}</Link> : <span />}
          <span className="muted">{t("front.page", { page, pages })}</span>
          {page < pages ? <Link href={link(page + 1)}>{t("front.older")}</Link> : <span />}
        </nav>
      )}
    </>
  );
}
