import type { Metadata } from "next";
import { cookies } from "next/headers";
import Link from "next/link";
import { notFound } from "next/navigation";
import { tiersUnlocking } from "@/content/tiersUnlocking.ts";
import { articleEditionsAbi, EDITION_HOLDERS_ONLY, NO_SALE_END } from "@/generated/contracts.ts";
import { EditionStatus } from "@/components/EditionStatus.tsx";
import { PremiumGate } from "@/components/PremiumGate.tsx";
import { RevisionHistory } from "@/components/RevisionHistory.tsx";
import { UnlistedNotice } from "@/components/UnlistedNotice.tsx";
import { formatDate, formatNumber, formatPrice } from "@/i18n/formatting.ts";
import { chainNow, gatewayLink, listTiers } from "@/server/catalog.ts";
import { articleReader, chainClient, publicationAddresses } from "@/server/publication.ts";
import { answerGone } from "@/server/pageOutcome.ts";
import { readArticlePage } from "@/server/readArticlePage.ts";
import { serverTranslator } from "@/server/locale.ts";
import { pageUnlessUnavailable } from "@/server/pageUnlessUnavailable.tsx";
import { nullWhileDown, unavailableService } from "@/server/serviceUnavailable.ts";
import { renderPublicMarkdown } from "@/server/renderMarkdown.ts";
import { readSession, SESSION_COOKIE } from "@/server/session.ts";
import { walletSetupFor } from "@/server/walletSetupFor.ts";

type Props = { params: Promise<{ slug: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  // While a service is down the page itself says so (a 503); its metadata is left out.
  const page = await nullWhileDown(readArticlePage((await params).slug));
  if (!page) return {};
  const { article, versions } = page;
  if (article.unlisted) return { robots: { index: false } };
  return {
    title: article.title,
    description: article.summary,
    alternates: {
      canonical: `/articles/${article.slug}`,
      languages: Object.fromEntries(versions.map((version) => [version.language, `/articles/${version.slug}`])),
    },
    openGraph: {
      type: "article",
      title: article.title,
      description: article.summary,
      images: [gatewayLink(article.cover)],
      locale: article.language === "ko" ? "ko_KR" : "en_US",
      publishedTime: article.published,
      tags: article.tags,
    },
  };
}

export default function ArticlePage(props: Props) {
  return pageUnlessUnavailable(() => articlePage(props));
}

async function articlePage({ params }: Props) {
  const { locale, t } = await serverTranslator();
  const page = await readArticlePage((await params).slug);
  if (!page) notFound();
  const { article, preview: storedPreview, revisions, versions } = page;
  const session = await readSession((await cookies()).get(SESSION_COOKIE)?.value);
  // Unlisted: a 410 with the editors' reason, except to a holder of an edition, who still reads it.
  const holder = article.unlisted !== null && session !== null && (await holdsEdition(session.address, article.id));
  if (article.unlisted && !holder) {
    answerGone();
    return <UnlistedNotice unlisted={article.unlisted} locale={locale} t={t} holder={false} />;
  }
  const { sale, premiumLevel } = article;
  // The index stores the preview it checked; only an article stored without one (it broke the
  // content rules, or predates the column) is fetched from IPFS. Content that fails its checks is
  // left out, saying so; an IPFS that does not answer makes the page a 503.
  const markdown = storedPreview !== null ? Promise.resolve(storedPreview) : (await articleReader()).previewByCid(article.previewCid);
  const preview = await markdown.then(
    (markdown) => renderPublicMarkdown(article.previewCid, markdown),
    (error: unknown) => {
      if (unavailableService(error)) throw error;
      return null;
    },
  );
  const tiers = tiersUnlocking(premiumLevel > 0 ? await listTiers() : [], premiumLevel);
  const now = await chainNow();
  const supply =
    sale.maxSupply === 0
      ? t("edition.open")
      : t("edition.left", { left: formatNumber(sale.maxSupply - sale.minted, locale), max: formatNumber(sale.maxSupply, locale) });
  const window =
    sale.saleEnd <= now || sale.saleStart > now ? (
      <EditionStatus sale={sale} locale={locale} now={now} />
    ) : sale.saleEnd === NO_SALE_END ? (
      t("article.windowOpen")
    ) : (
      t("article.windowUntil", { date: formatDate(sale.saleEnd, locale) })
    );

  return (
    <article lang={article.language}>
      {article.unlisted && <UnlistedNotice unlisted={article.unlisted} locale={locale} t={t} holder />}
      <p className="muted">
        #{article.section} · {formatDate(Date.parse(article.published) / 1000, locale)}
      </p>
      <h1>{article.title}</h1>
      <p className="muted">{t("article.by", { authors: article.authors.map((a) => a.name).join(", ") })}</p>
      {versions.length > 0 && (
        <ul className="other-language" lang={locale} data-testid="other-language">
          {versions.map((version) => (
            <li key={version.id}>
              <Link href={`/articles/${version.slug}`} hrefLang={version.language}>
                {t(version.language === "ko" ? "article.otherLanguage.ko" : "article.otherLanguage.en")}
              </Link>
            </li>
          ))}
        </ul>
      )}
      <img className="cover" src={gatewayLink(article.cover)} alt="" />
      {preview === null ? (
        <p role="alert">{t("article.previewRefused")}</p>
      ) : (
        // biome-ignore lint/security/noDangerouslySetInnerHtml: sanitized on the server by the one Markdown policy (web/src/markdown)
        <div className="prose" data-testid="free-content" dangerouslySetInnerHTML={{ __html: preview }} />
      )}

      {premiumLevel > 0 && (
        <section className="premium-box" aria-label={t("article.premiumTitle")} lang={locale}>
          <h2>{t("article.premiumTitle")}</h2>
          <PremiumGate articleId={article.id} setup={walletSetupFor(locale)} signedIn={session !== null}>
            <p>{t("article.locked")}</p>
            <ol className="unlock-steps" data-testid="unlock-steps">
              <li>{t("article.step.signIn")}</li>
              {premiumLevel === EDITION_HOLDERS_ONLY ? (
                <li>{t("article.editionOnly")}</li>
              ) : (
                <li>
                  {t("article.step.pass")}
                  <ul>
                    {tiers.map((tier) => (
                      <li key={tier.id}>
                        {t("article.passOption", {
                          name: tier.name,
                          price: formatPrice(tier.price, locale),
                          period: tier.duration === 0 ? t("membership.lifetime") : t("membership.period", { days: tier.duration / 86_400 }),
                          level: tier.level,
                        })}
                      </li>
                    ))}
                  </ul>
                </li>
              )}
              <li>
                {t("article.step.collect")}: {t("article.collectTerms", { price: formatPrice(sale.price, locale), supply })}
                {" · "}
                {window}
                {sale.walletCap > 0 && ` · ${t("article.walletCap", { cap: sale.walletCap })}`}
              </li>
            </ol>
          </PremiumGate>
        </section>
      )}

      <section className="verify" lang={locale}>
        <h2>{t("article.verify")}</h2>
        <p className="muted">{t("article.verifyHint")}</p>
        <ul data-testid="cids">
          <li>
            {t("article.metadata")}: <a href={gatewayLink(`ipfs://${article.metadataCid}`)}>{article.metadataCid}</a>
          </li>
          <li>
            {t("article.preview")}: <a href={gatewayLink(`ipfs://${article.previewCid}`)}>{article.previewCid}</a>
          </li>
          {article.premiumCid && (
            <li>
              {t("article.premiumCid")}: <a href={gatewayLink(`ipfs://${article.premiumCid}`)}>{article.premiumCid}</a>
            </li>
          )}
        </ul>
      </section>
      <RevisionHistory revisions={revisions} locale={locale} t={t} gatewayLink={gatewayLink} />
    </article>
  );
}

/** Whether `reader` holds an edition of the article now (the chain at the latest block, not the index). */
async function holdsEdition(reader: `0x${string}`, articleId: number) {
  const balance = await chainClient().readContract({
    address: publicationAddresses().editions,
    abi: articleEditionsAbi,
    functionName: "balanceOf",
    args: [reader, BigInt(articleId)],
  });
  return balance > 0n;
}
