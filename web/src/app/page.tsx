import type { Metadata } from "next";
import Link from "next/link";
import { ArticleCard } from "@/components/ArticleCard.tsx";
import { SearchForm } from "@/components/SearchForm.tsx";
import { formatNumber } from "@/i18n/formatting.ts";
import { feedPath } from "@/feeds/archiveFeeds.ts";
import { listSections } from "@/server/archive.ts";
import { type FrontPageQuery, indexStatus, readFrontPage } from "@/server/catalog.ts";
import { serverTranslator } from "@/server/locale.ts";
import { pageUnlessUnavailable } from "@/server/pageUnlessUnavailable.tsx";
import { nullWhileDown } from "@/server/serviceUnavailable.ts";

type Params = { section?: string; tag?: string; language?: string; before?: string };
type Props = { searchParams: Promise<Params> };

const LANGUAGES = ["ko", "en"] as const;

/** The Atom feed of what the page shows (its section and language), for feed readers to find. */
export async function generateMetadata({ searchParams }: Props): Promise<Metadata> {
  const query = queryOf(await searchParams);
  const url = feedPath({ section: query.section, language: query.language });
  return { alternates: { types: { "application/atom+xml": [{ url, title: "TopNFTpost Atom" }] } } };
}

export default function FrontPage(props: Props) {
  return pageUnlessUnavailable(() => frontPage(props));
}

/** The filters a reader can set in the URL; anything malformed is ignored, never an error. */
function queryOf(params: Params): FrontPageQuery {
  const word = (value?: string) => (value && /^[\p{L}\p{N}_-]{1,40}$/u.test(value) ? value : undefined);
  return {
    section: word(params.section),
    tag: word(params.tag),
    language: LANGUAGES.find((language) => language === params.language),
    before: params.before && /^\d{1,20}$/.test(params.before) ? BigInt(params.before) : undefined,
  };
}

async function frontPage({ searchParams }: Props) {
  const { locale, t } = await serverTranslator();
  const query = queryOf(await searchParams);
  const [{ articles, nextCursor, stale }, status, sections] = await Promise.all([
    readFrontPage(query),
    indexStatus(),
    // The whole catalog's sections; while the index is down and none are remembered, the page's own.
    nullWhileDown(listSections(query.language)),
  ]);
  const link = (changes: Partial<Record<keyof Params, string | undefined>>) => {
    const next = { section: query.section, tag: query.tag, language: query.language, ...changes };
    const params = new URLSearchParams(Object.entries(next).filter((entry): entry is [string, string] => Boolean(entry[1])));
    return params.size > 0 ? `/?${params}` : "/";
  };
  const filter = query.section ?? query.tag;
  const sectionList = sections ?? [...new Set(articles.map((article) => article.section))].map((section) => ({ section, articles: 0 }));

  return (
    <>
      <h1>{filter ? t("front.tagged", { tag: filter }) : t("front.title")}</h1>
      <ul className="tags" aria-label="sections">
        {(filter || query.language) && (
          <li>
            <Link href="/">{t("front.all")}</Link>
          </li>
        )}
        {sectionList.map(({ section, articles: count }) => (
          <li key={section}>
            <Link href={link({ section, tag: undefined, before: undefined })}>#{section}</Link>
            {count > 0 && <span className="muted"> {formatNumber(count, locale)}</span>}
          </li>
        ))}
        {LANGUAGES.map((language) => (
          <li key={language}>
            <Link href={link({ language, before: undefined })} aria-current={query.language === language ? "page" : undefined}>
              {language.toUpperCase()}
            </Link>
          </li>
        ))}
      </ul>
      <SearchForm t={t} />
      {stale && (
        <p role="status" data-testid="index-stale">
          {t("front.stale", { block: status.block })}
        </p>
      )}
      {articles.length === 0 && <p>{t("front.empty")}</p>}
      <ul className="cards">
        {articles.map((article) => (
          <ArticleCard key={article.id} article={article} locale={locale} now={status.timestamp} />
        ))}
      </ul>
      <nav className="pagination" aria-label="pages">
        {query.before !== undefined ? <Link href={link({ before: undefined })}>{t("front.newer")}</Link> : <span />}
        <span className="muted">{t("front.asOf", { block: status.block })}</span>
        {nextCursor !== null ? <Link href={link({ before: String(nextCursor) })}>{t("front.older")}</Link> : <span />}
      </nav>
      <p className="muted">
        <a href={feedPath({ section: query.section, language: query.language })} type="application/atom+xml" data-testid="feed-link">
          {t("front.feed")}
        </a>
      </p>
    </>
  );
}
