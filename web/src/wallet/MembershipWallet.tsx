"use client";
import { useCallback, useEffect, useState } from "react";
import { type Address, isAddress } from "viem";
import { useConfig, useConnection } from "wagmi";
import { readContract } from "wagmi/actions";
import { passNumber } from "@/contracts/passNumber.ts";
import { purchasePass, renewPass } from "@/contracts/writes.ts";
import { LIFETIME_EXPIRY, membershipPassAbi } from "@/generated/contracts.ts";
import { formatDate, formatPrice } from "@/i18n/formatting.ts";
import { format, MESSAGES } from "@/i18n/messages.ts";
import { TxButton } from "./TxButton.tsx";
import type { WalletSetup } from "./walletSetup.ts";
import WalletRoot from "./WalletRoot.tsx";

export interface TierOffer {
  id: number;
  name: string;
  price: string;
  duration: number;
  saleOpen: boolean;
  soldOut: boolean;
}

function TierActions({ setup, tier }: { setup: WalletSetup; tier: TierOffer }) {
  const config = useConfig();
  const { address } = useConnection();
  const t = MESSAGES[setup.locale];
  const [held, setHeld] = useState<{ tokenId: bigint; expiresAt: bigint } | null>(null);
  const [recipient, setRecipient] = useState("");
  const [giftProblem, setGiftProblem] = useState<string | null>(null);

  const refresh = useCallback(async () => {
    if (!address) return;
    const tokenId = await readContract(config, {
      address: setup.pass,
      abi: membershipPassAbi,
      functionName: "passOf",
      args: [address, BigInt(tier.id)],
    });
    if (tokenId === 0n) return setHeld(null);
    const expiresAt = await readContract(config, {
      address: setup.pass,
      abi: membershipPassAbi,
      functionName: "expiresAt",
      args: [tokenId],
    });
    setHeld({ tokenId, expiresAt });
  }, [address, config, setup.pass, tier.id]);
  useEffect(() => {
    void refresh();
  }, [refresh]);

  const price = formatPrice(tier.price, setup.locale);
  const now = BigInt(Math.floor(Date.now() / 1000));
  const validity = !held
    ? ""
    : held.expiresAt === LIFETIME_EXPIRY
      ? t["membership.forever"]
      : format(held.expiresAt > now ? t["membership.validUntil"] : t["membership.expiredOn"], {
          date: formatDate(held.expiresAt, setup.locale),
        });
  const purchase = (holder: Address | undefined) => (holder ? purchasePass(setup.pass, tier, holder) : null);

  return (
    <div className="tier-actions" data-testid={`tier-actions-${tier.id}`}>
      {held && <p>{format(t["membership.holds"], { token: passNumber(held.tokenId), validity })}</p>}
      {held && tier.duration > 0 && (
        <TxButton
          testId={`renew-tier-${tier.id}`}
          label={format(t["membership.renew"], { price })}
          locale={setup.locale}
          call={() => renewPass(setup.pass, held.tokenId, tier.duration, tier.price)}
          onConfirmed={refresh}
        />
      )}
      {!held && tier.saleOpen && !tier.soldOut && (
        <TxButton
          testId={`buy-tier-${tier.id}`}
          label={format(t["membership.buy"], { price })}
          locale={setup.locale}
          call={() => purchase(address)}
          onConfirmed={refresh}
        />
      )}
      {tier.saleOpen && !tier.soldOut && (
        <p className="gift">
          <input
            aria-label={t["membership.giftTo"]}
            placeholder={t["membership.giftTo"]}
            value={recipient}
            onChange={(event) => setRecipient(event.target.value.trim())}
          />
          <TxButton
            testId={`gift-tier-${tier.id}`}
            label={t["membership.gift"]}
            locale={setup.locale}
            call={() => {
              setGiftProblem(isAddress(recipient) ? null : t["membership.badAddress"]);
              return isAddress(recipient) ? purchase(recipient) : null;
            }}
          />
          {giftProblem && <span role="alert">{giftProblem}</span>}
        </p>
      )}
    </div>
  );
}

/** Buy, renew and gift controls for every tier; a wallet is enough, no sign-in needed. */
export default function MembershipWallet(props: { setup: WalletSetup; tiers: TierOffer[] }) {
  return (
    <WalletRoot setup={props.setup} needsSession={false}>
      {props.tiers.map((tier) => (
        <section key={tier.id} aria-label={tier.name}>
          <h3>{tier.name}</h3>
          <TierActions setup={props.setup} tier={tier} />
        </section>
      ))}
    </WalletRoot>
  );
}
