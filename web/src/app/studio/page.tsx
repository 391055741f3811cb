import type { Metadata } from "next";
import Link from "next/link";
import { NewDraftButton } from "@/components/studio/NewDraftButton.tsx";
import { StudioFigures } from "@/components/studio/StudioFigures.tsx";
import { StudioSignInIsland } from "@/components/studio/StudioSignInIsland.tsx";
import { formatDate } from "@/i18n/formatting.ts";
import type { MessageKey } from "@/i18n/messages.ts";
import { serverTranslator } from "@/server/locale.ts";
import { pageUnlessUnavailable } from "@/server/pageUnlessUnavailable.tsx";
import { unlistedAmong } from "@/server/studio/unlistedAmong.ts";
import { studioPageContext } from "@/server/studio/studioPage.ts";
import { walletSetupFor } from "@/server/walletSetupFor.ts";
import { listMyDrafts } from "@/studio/studioActions.ts";

export const metadata: Metadata = { title: "Studio" };

type Props = { searchParams: Promise<{ published?: string }> };

export default async function StudioPage({ searchParams }: Props) {
  const { published } = await searchParams;
  return pageUnlessUnavailable(() => studioPage(published));
}

interface Row {
  id: string;
  owner: string;
  state: string;
  title: string | null;
  updated_at: Date;
  published_article_id: string | null;
}

async function studioPage(publishedBefore: string | undefined) {
  const { locale, t } = await serverTranslator();
  const { viewer, db } = await studioPageContext();
  if (!viewer) {
    return (
      <>
        <h1>{t("studio.title")}</h1>
        <h2>{t("studio.signInTitle")}</h2>
        <p>{t("studio.signIn")}</p>
        <StudioSignInIsland setup={walletSetupFor(locale)} />
      </>
    );
  }
  const answer = await listMyDrafts(db, viewer);
  if (answer.status !== 200) {
    return (
      <>
        <h1>{t("studio.title")}</h1>
        <p role="alert" data-testid="studio-refused">
          {t(answer.body.error as MessageKey)}
        </p>
      </>
    );
  }
  const rows = answer.body.drafts as Row[];
  const mine = rows.filter((row) => row.owner === viewer.address);
  const submitted = rows.filter((row) => row.owner !== viewer.address);
  const unlisted = await unlistedAmong(rows.map((row) => row.published_article_id));
  const table = (list: Row[], testId: string, withWriter: boolean) =>
    list.length === 0 ? (
      <p>{t("studio.noDrafts")}</p>
    ) : (
      <table data-testid={testId}>
        <thead>
          <tr>
            <th scope="col">{t("studio.column.title")}</th>
            {withWriter && <th scope="col">{t("studio.column.writer")}</th>}
            <th scope="col">{t("studio.column.state")}</th>
            <th scope="col">{t("studio.column.updated")}</th>
          </tr>
        </thead>
        <tbody>
          {list.map((row) => (
            <tr key={row.id}>
              <td>
                <Link href={`/studio/drafts/${row.id}`}>{row.title || t("studio.untitled")}</Link>
              </td>
              {withWriter && <td>{row.owner}</td>}
              <td data-testid="draft-state">
                {t(`studio.state.${row.state}` as MessageKey)}
                {row.published_article_id && unlisted.has(row.published_article_id) && ` · ${t("studio.unlisted")}`}
              </td>
              <td>{formatDate(Math.floor(new Date(row.updated_at).getTime() / 1000), locale)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    );
  return (
    <>
      <h1>{t("studio.title")}</h1>
      <p>
        {t(viewer.isEditor ? "studio.roleEditor" : "studio.roleWriter")}{" "}
        {viewer.isEditor && <Link href="/studio/team">{t("studio.team")}</Link>}
      </p>
      <NewDraftButton locale={locale} author={viewer.address} />
      <h2>{t("studio.myDrafts")}</h2>
      {table(mine, "my-drafts", false)}
      {viewer.isEditor && (
        <>
          <h2>{t("studio.submitted")}</h2>
          {table(submitted, "submitted-drafts", true)}
        </>
      )}
      <StudioFigures viewer={viewer} before={publishedBefore} locale={locale} t={t} />
    </>
  );
}
