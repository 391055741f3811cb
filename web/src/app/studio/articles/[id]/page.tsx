import type { Metadata } from "next";
import Link from "next/link";
import { UnlistIsland } from "@/components/studio/ArticleManageIslands.tsx";
import { StudioSignInIsland } from "@/components/studio/StudioSignInIsland.tsx";
import { RevisionHistory } from "@/components/RevisionHistory.tsx";
import { UnlistedNotice } from "@/components/UnlistedNotice.tsx";
import { articleRevisions, articlesByIds, gatewayLink } from "@/server/catalog.ts";
import { serverTranslator } from "@/server/locale.ts";
import { pageUnlessUnavailable } from "@/server/pageUnlessUnavailable.tsx";
import { studioPageContext } from "@/server/studio/studioPage.ts";
import { walletSetupFor } from "@/server/walletSetupFor.ts";
import { MAX_UNLIST_REASON_BYTES } from "@/studio/studioUnlist.ts";

export const metadata: Metadata = { title: "Manage article" };

// An editor's page for one published article (a studio draft's or the CLI's): whether it is
// listed, its revisions, and the unlist panel. The role is read for this request at the latest block.

export default async function StudioArticlePage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  return pageUnlessUnavailable(() => studioArticlePage(id));
}

async function studioArticlePage(id: string) {
  const { locale, t } = await serverTranslator();
  const { viewer, db } = await studioPageContext();
  const [article] = /^[1-9]\d{0,15}$/.test(id) ? await articlesByIds([BigInt(id)]) : [];
  const draft =
    viewer?.isEditor && article
      ? await db.selectFrom("studio_drafts").select("id").where("published_article_id", "=", String(article.id)).executeTakeFirst()
      : undefined;
  return (
    <>
      <p>
        <Link href="/studio">← {t("studio.title")}</Link>
      </p>
      {!viewer && <StudioSignInIsland setup={walletSetupFor(locale)} />}
      {viewer && !viewer.isEditor && (
        <p role="alert" data-testid="studio-refused">
          {t("studio.error.editorsOnly")}
        </p>
      )}
      {viewer?.isEditor && !article && (
        <p role="alert" data-testid="studio-refused">
          {t("studio.error.notFound")}
        </p>
      )}
      {viewer?.isEditor && article && (
        <>
          <h1>
            <Link href={`/articles/${article.slug}`}>{article.title}</Link>
          </h1>
          {article.unlisted ? (
            <>
              <p data-testid="studio-article-state">{t("studio.unlisted")}</p>
              <UnlistedNotice unlisted={article.unlisted} locale={locale} t={t} holder={false} />
            </>
          ) : (
            <p data-testid="studio-article-state">{t("studio.state.published")}</p>
          )}
          <RevisionHistory revisions={await articleRevisions(article.id)} locale={locale} t={t} gatewayLink={gatewayLink} />
          {draft && !article.unlisted && (
            <p>
              <Link href={`/studio/drafts/${draft.id}`}>{t("studio.revise.title")}</Link>
            </p>
          )}
          {!article.unlisted && (
            <UnlistIsland setup={walletSetupFor(locale)} articleId={String(article.id)} maxBytes={MAX_UNLIST_REASON_BYTES} />
          )}
        </>
      )}
    </>
  );
}
