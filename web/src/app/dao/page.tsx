import type { Metadata } from "next";
import Link from "next/link";
import { DaoMemberIsland } from "@/components/DaoIslands.tsx";
import { ProposalStatus } from "@/components/ProposalStatus.tsx";
import { formatDate, formatPrice } from "@/i18n/formatting.ts";
import { chainNow, daoAddresses, indexedProposals, openCommissions, proposalChainFacts, treasuryFacts } from "@/server/dao.ts";
import { serverTranslator } from "@/server/locale.ts";
import { pageUnlessUnavailable } from "@/server/pageUnlessUnavailable.tsx";
import { walletSetupFor } from "@/server/walletSetupFor.ts";

export const metadata: Metadata = { title: "DAO" };

export default function DaoPage() {
  return pageUnlessUnavailable(daoPage);
}

async function daoPage() {
  const { locale, t } = await serverTranslator();
  const dao = daoAddresses();
  if (!dao) {
    return (
      <>
        <h1>{t("dao.title")}</h1>
        <p>{t("dao.notDeployed")}</p>
      </>
    );
  }
  const [proposals, commissions, treasury, now] = await Promise.all([
    indexedProposals(),
    openCommissions(),
    treasuryFacts(dao),
    chainNow(),
  ]);
  const facts = await proposalChainFacts(
    dao,
    proposals.map((p) => BigInt(p.id)),
  );
  return (
    <>
      <h1>{t("dao.title")}</h1>
      <p>{t("dao.intro")}</p>
      <p>
        <Link href="/dao/new" className="button" data-testid="new-proposal-link">
          {t("dao.newProposal")}
        </Link>
      </p>

      <h2>{t("dao.treasury")}</h2>
      <p data-testid="treasury-balance">{t("dao.treasuryBalance", { amount: formatPrice(treasury.balance, locale) })}</p>
      <p>{t("dao.escrowed", { amount: formatPrice(treasury.escrowed, locale) })}</p>
      <h3>{t("dao.openCommissions")}</h3>
      {commissions.length === 0 && <p>{t("dao.noOpenCommissions")}</p>}
      <ul data-testid="open-commissions">
        {commissions.map((c) => (
          <li key={c.id}>
            {c.proposalId ? (
              <Link href={`/dao/proposals/${c.proposalId}`}>
                {t("dao.commissionLine", {
                  id: c.id,
                  title: c.title ?? c.topicCid,
                  bounty: formatPrice(c.bounty, locale),
                  date: formatDate(BigInt(c.deadline), locale),
                })}
              </Link>
            ) : (
              t("dao.commissionLine", {
                id: c.id,
                title: c.topicCid,
                bounty: formatPrice(c.bounty, locale),
                date: formatDate(BigInt(c.deadline), locale),
              })
            )}{" "}
            · {t(`dao.commission.${c.status}`)}
          </li>
        ))}
      </ul>

      <h2>{t("dao.member")}</h2>
      <DaoMemberIsland setup={walletSetupFor(locale)} />

      <h2>{t("dao.proposals")}</h2>
      {proposals.length === 0 && <p>{t("dao.noProposals")}</p>}
      {proposals.map((proposal) => {
        const fact = facts.get(proposal.id);
        return (
          <section key={proposal.id} className="proposal" data-testid={`proposal-${proposal.id}`}>
            <h3>
              <Link href={`/dao/proposals/${proposal.id}`}>
                {t("dao.proposalLink", { id: proposal.id, title: proposal.title || t("dao.untitled") })}
              </Link>
            </h3>
            {fact && <ProposalStatus facts={fact} now={now} locale={locale} />}
          </section>
        );
      })}
    </>
  );
}
