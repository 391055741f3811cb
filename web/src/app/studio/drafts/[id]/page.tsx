import type { Metadata } from "next";
import Link from "next/link";
import { DraftCommission } from "@/components/studio/DraftCommission.tsx";
import { DraftEditor, type EditorDraft } from "@/components/studio/DraftEditor.tsx";
import type { Comment } from "@/components/studio/ReviewComments.tsx";
import { StudioPublishIsland } from "@/components/studio/StudioPublishIsland.tsx";
import { ArticleRevisionIsland } from "@/components/studio/ArticleManageIslands.tsx";
import { StudioSignInIsland } from "@/components/studio/StudioSignInIsland.tsx";
import type { MessageKey } from "@/i18n/messages.ts";
import { serverTranslator } from "@/server/locale.ts";
import { pageUnlessUnavailable } from "@/server/pageUnlessUnavailable.tsx";
import { serverConfig } from "@/server/serverConfig.ts";
import { studioPageContext } from "@/server/studio/studioPage.ts";
import { walletSetupFor } from "@/server/walletSetupFor.ts";
import { getDraft } from "@/studio/studioActions.ts";

export const metadata: Metadata = { title: "Edit draft" };

export default async function DraftPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  return pageUnlessUnavailable(() => draftPage(id));
}

async function draftPage(id: string) {
  const { locale, t } = await serverTranslator();
  const { viewer, db } = await studioPageContext();
  const answer = viewer ? await getDraft(db, viewer, id) : null;
  const draft =
    answer?.status === 200
      ? (answer.body.draft as EditorDraft & { published_article_id: string | null; commission_id: string | null })
      : null;
  const published = draft?.state === "published" ? draft.published_article_id : null;
  return (
    <>
      <p>
        <Link href="/studio">← {t("studio.title")}</Link>
      </p>
      <h1>{t("studio.editor.title")}</h1>
      {!viewer && (
        <>
          <h2>{t("studio.signInTitle")}</h2>
          <StudioSignInIsland setup={walletSetupFor(locale)} />
        </>
      )}
      {answer && answer.status !== 200 && (
        <p role="alert" data-testid="studio-refused">
          {t(answer.body.error as MessageKey)}
        </p>
      )}
      {viewer && answer?.status === 200 && (
        <DraftEditor
          // A new version from the server (after submit or review) starts the editor afresh.
          key={(answer.body.draft as EditorDraft).version}
          locale={locale}
          draft={answer.body.draft as EditorDraft}
          problem={answer.body.problem as { field: string; problem: string } | null}
          editable={answer.body.editable as boolean}
          isOwner={(answer.body.draft as EditorDraft).owner === viewer.address}
          isEditor={viewer.isEditor}
          comments={answer.body.comments as Comment[]}
          gatewayUrl={serverConfig().publicGatewayUrl}
        />
      )}
      {published && (
        // Also what the publish panel shows once it refreshes this page (the draft is no longer in review).
        <p role="status" data-testid="publish-done">
          {t("studio.publish.done", { id: published })}{" "}
          <Link href={`/articles/${published}`} data-testid="publish-live-link">
            {t("studio.publish.readLive")}
          </Link>
        </p>
      )}
      {viewer && draft && (
        <DraftCommission
          draftId={id}
          commissionId={draft.commission_id}
          // Once published, the commission is settled by the fulfil step, not changed (an editor
          // may still edit a published draft, to revise the article).
          mayChange={!published && (Boolean(answer?.body.editable) || (viewer.isEditor && draft.state === "in_review"))}
          published={published}
          title={String(draft.frontmatter.title ?? "")}
          isEditor={viewer.isEditor}
          locale={locale}
        />
      )}
      {published && viewer?.isEditor && (
        // An editor revises the live article from this draft, or manages it (unlisting) on its page.
        <>
          <ArticleRevisionIsland setup={walletSetupFor(locale)} draftId={id} />
          <p>
            <Link href={`/studio/articles/${published}`} data-testid="manage-article-link">
              {t("studio.unlist.title")}
            </Link>
          </p>
        </>
      )}
      {viewer?.isEditor && answer?.status === 200 && (answer.body.draft as EditorDraft).state === "in_review" && (
        <StudioPublishIsland setup={walletSetupFor(locale)} draftId={id} />
      )}
    </>
  );
}
