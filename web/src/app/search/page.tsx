import type { Metadata } from "next";
import Link from "next/link";
import { ArticleCard } from "@/components/ArticleCard.tsx";
import { SearchForm } from "@/components/SearchForm.tsx";
import type { MessageKey } from "@/i18n/messages.ts";
import { searchTerms } from "@/search/searchGrams.ts";
import { searchArticles } from "@/server/archive.ts";
import { indexStatus } from "@/server/catalog.ts";
import { currentLocale, serverTranslator } from "@/server/locale.ts";
import { translator } from "@/i18n/messages.ts";
import { pageUnlessUnavailable } from "@/server/pageUnlessUnavailable.tsx";

type Params = { q?: string | string[]; before?: string | string[] };
type Props = { searchParams: Promise<Params> };

const PROBLEMS = {
  empty: "search.empty",
  "too-many-words": "search.tooManyWords",
  "word-too-long": "search.wordTooLong",
} as const satisfies Record<string, MessageKey>;

const single = (value?: string | string[]) => (Array.isArray(value) ? value[0] : value);

export async function generateMetadata(): Promise<Metadata> {
  // Result pages are not for search engines: the sitemap names every article.
  return { title: translator(await currentLocale())("search.title"), robots: { index: false } };
}

export default function SearchPage(props: Props) {
  return pageUnlessUnavailable(() => searchPage(props));
}

async function searchPage({ searchParams }: Props) {
  const { locale, t } = await serverTranslator();
  const params = await searchParams;
  const q = (single(params.q) ?? "").slice(0, 1_000);
  const beforeText = single(params.before);
  const before = beforeText && /^\d{1,20}$/.test(beforeText) ? BigInt(beforeText) : undefined;
  const terms = searchTerms(q);

  if ("problem" in terms) {
    return (
      <>
        <h1>{t("search.title")}</h1>
        <SearchForm q={q} t={t} />
        <p role={q.trim() ? "alert" : undefined} data-testid="search-problem">
          {t(PROBLEMS[terms.problem])}
        </p>
        <p className="muted">{t("search.hint")}</p>
      </>
    );
  }

  const [{ articles, nextCursor, stale }, status] = await Promise.all([searchArticles(q, before), indexStatus()]);
  const link = (cursor?: bigint | null) => `/search?${new URLSearchParams({ q, ...(cursor ? { before: String(cursor) } : {}) })}`;
  return (
    <>
      <h1>{t("search.results", { q })}</h1>
      <SearchForm q={q} t={t} />
      {stale && (
        <p role="status" data-testid="index-stale">
          {t("front.stale", { block: status.block })}
        </p>
      )}
      {articles.length === 0 && <p data-testid="search-none">{t("search.none", { q })}</p>}
      <ul className="cards">
        {articles.map((article) => (
          <ArticleCard key={article.id} article={article} locale={locale} now={status.timestamp} />
        ))}
      </ul>
      <nav className="pagination" aria-label="pages">
        {before !== undefined ? <Link href={link()}>{t("search.newer")}</Link> : <span />}
        <span className="muted">{t("front.asOf", { block: status.block })}</span>
        {nextCursor !== null ? <Link href={link(nextCursor)}>{t("search.older")}</Link> : <span />}
      </nav>
    </>
  );
}
