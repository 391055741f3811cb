"use client";
import { useConnection } from "wagmi";
import { collectEdition, purchasePass } from "@/contracts/writes.ts";
import { formatPrice } from "@/i18n/formatting.ts";
import { format, MESSAGES } from "@/i18n/messages.ts";
import { TxButton } from "./TxButton.tsx";
import type { UnlockOptions } from "@/api/premiumAnswer.ts";
import type { WalletSetup } from "./walletSetup.ts";
import WalletRoot from "./WalletRoot.tsx";

function ArticleActions(props: { setup: WalletSetup; articleId: number; unlock: UnlockOptions; onAccessChanged: () => void }) {
  const { address } = useConnection();
  const { locale } = props.setup;
  const t = MESSAGES[locale];
  const { tiers = [], edition } = props.unlock;
  const now = Date.now() / 1000;
  const editionOnSale =
    edition && (edition.remaining === null || edition.remaining > 0) && edition.saleStart <= now && edition.saleEnd > now;
  return (
    <div className="unlock-actions">
      {tiers.map((tier) => (
        <p key={tier.id}>
          <TxButton
            testId={`buy-tier-${tier.id}`}
            label={`${t["article.buyPass"]}: ${tier.name} (${formatPrice(tier.price, locale)})`}
            locale={locale}
            call={() => (address ? purchasePass(props.setup.pass, tier, address) : null)}
            onConfirmed={props.onAccessChanged}
          />
        </p>
      ))}
      {editionOnSale && (
        <p>
          <TxButton
            testId="collect"
            label={format(t["article.collectButton"], { price: formatPrice(edition.price, locale) })}
            locale={locale}
            call={() => (address ? collectEdition(props.setup.editions, props.articleId, edition.price, address) : null)}
            onConfirmed={props.onAccessChanged}
          />
        </p>
      )}
    </div>
  );
}

/** The article page's wallet part: sign in, then buy a pass or collect when the gate says 403. */
export default function ArticleWallet(props: {
  setup: WalletSetup;
  articleId: number;
  unlock: UnlockOptions | null;
  onSignedIn: () => void;
  onAccessChanged: () => void;
}) {
  return (
    <WalletRoot setup={props.setup} needsSession autoSignIn onSignedIn={props.onSignedIn}>
      {props.unlock && (
        <ArticleActions setup={props.setup} articleId={props.articleId} unlock={props.unlock} onAccessChanged={props.onAccessChanged} />
      )}
    </WalletRoot>
  );
}
