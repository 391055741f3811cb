import type { Metadata } from "next";
import { StudioSignInIsland } from "@/components/studio/StudioSignInIsland.tsx";
import { TeamManager } from "@/components/studio/TeamManager.tsx";
import type { MessageKey } from "@/i18n/messages.ts";
import { serverTranslator } from "@/server/locale.ts";
import { pageUnlessUnavailable } from "@/server/pageUnlessUnavailable.tsx";
import { studioPageContext } from "@/server/studio/studioPage.ts";
import { walletSetupFor } from "@/server/walletSetupFor.ts";
import { listTeam } from "@/studio/studioActions.ts";

export const metadata: Metadata = { title: "Studio team" };

export default function StudioTeamPage() {
  return pageUnlessUnavailable(teamPage);
}

async function teamPage() {
  const { locale, t } = await serverTranslator();
  const { viewer, db } = await studioPageContext();
  const answer = viewer ? await listTeam(db, viewer) : null;
  return (
    <>
      <h1>{t("studio.team.title")}</h1>
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
      {answer?.status === 200 && (
        <>
          <p className="muted">{t("studio.team.editors")}</p>
          <TeamManager locale={locale} initial={answer.body.writers as { address: string }[]} />
        </>
      )}
    </>
  );
}
