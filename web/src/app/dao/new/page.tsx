import type { Metadata } from "next";
import { NewProposalIsland } from "@/components/DaoIslands.tsx";
import { chainNow, daoAddresses, treasuryFacts } from "@/server/dao.ts";
import { serverTranslator } from "@/server/locale.ts";
import { pageUnlessUnavailable } from "@/server/pageUnlessUnavailable.tsx";
import { walletSetupFor } from "@/server/walletSetupFor.ts";

export const metadata: Metadata = { title: "Propose coverage" };

export default function NewProposalPage() {
  return pageUnlessUnavailable(newProposalPage);
}

async function newProposalPage() {
  const { locale, t } = await serverTranslator();
  const dao = daoAddresses();
  if (!dao) {
    return (
      <>
        <h1>{t("new.title")}</h1>
        <p>{t("dao.notDeployed")}</p>
      </>
    );
  }
  const [{ threshold }, now] = await Promise.all([treasuryFacts(dao), chainNow()]);
  return (
    <>
      <h1>{t("new.title")}</h1>
      <p>{t("new.intro")}</p>
      {/* A heading for the wallet dialog's own (h3) to sit under. */}
      <h2>{t("dao.newProposal")}</h2>
      <NewProposalIsland
        setup={walletSetupFor(locale)}
        governor={dao.governor}
        desk={dao.desk}
        threshold={threshold.toString()}
        now={now.toString()}
      />
    </>
  );
}
