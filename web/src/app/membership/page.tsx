import type { Metadata } from "next";
import { MembershipIsland } from "@/components/MembershipIsland.tsx";
import { formatNumber, formatPrice } from "@/i18n/formatting.ts";
import { listTiers } from "@/server/catalog.ts";
import { serverTranslator } from "@/server/locale.ts";
import { pageUnlessUnavailable } from "@/server/pageUnlessUnavailable.tsx";
import { walletSetupFor } from "@/server/walletSetupFor.ts";

export const metadata: Metadata = { title: "Membership" };

export default function MembershipPage() {
  return pageUnlessUnavailable(membershipPage);
}

async function membershipPage() {
  const { locale, t } = await serverTranslator();
  const tiers = await listTiers();
  return (
    <>
      <h1>{t("membership.title")}</h1>
      <p>{t("membership.intro")}</p>
      {tiers.map((tier) => (
        <section key={tier.id} className="tier" data-testid={`tier-${tier.id}`}>
          <h2>{tier.name}</h2>
          <p>
            <strong>{formatPrice(tier.price, locale)}</strong>{" "}
            {tier.duration === 0 ? t("membership.lifetime") : t("membership.period", { days: tier.duration / 86_400 })}
          </p>
          <ul>
            <li>{t("membership.unlocks", { level: tier.level })}</li>
            {tier.votingWeight > 0 && <li>{t("membership.votes", { votes: tier.votingWeight })}</li>}
            <li>
              {!tier.saleOpen
                ? t("membership.closed")
                : tier.maxSupply === 0
                  ? t("membership.unlimited")
                  : t("membership.supply", {
                      left: formatNumber(tier.maxSupply - tier.seats, locale),
                      max: formatNumber(tier.maxSupply, locale),
                    })}
            </li>
          </ul>
        </section>
      ))}
      <MembershipIsland
        setup={walletSetupFor(locale)}
        tiers={tiers.map((tier) => ({
          id: tier.id,
          name: tier.name,
          price: tier.price.toString(),
          duration: tier.duration,
          saleOpen: tier.saleOpen,
          soldOut: tier.maxSupply > 0 && tier.seats >= tier.maxSupply,
        }))}
      />
    </>
  );
}
