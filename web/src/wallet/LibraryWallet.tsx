"use client";
import { useRouter } from "next/navigation";
import { useConnection } from "wagmi";
import { deploymentOn } from "@/generated/contracts.ts";
import { renewPass, withdrawPassEarnings } from "@/contracts/writes.ts";
import { formatPrice } from "@/i18n/formatting.ts";
import { format, MESSAGES } from "@/i18n/messages.ts";
import { BatchedWithdraw } from "./BatchedWithdraw.tsx";
import { BountyWithdraw } from "./BountyWithdraw.tsx";
import { TxButton } from "./TxButton.tsx";
import type { WalletSetup } from "./walletSetup.ts";
import WalletRoot from "./WalletRoot.tsx";

export interface LibraryActionsData {
  renewals: { tokenId: string; tierName: string; duration: number; price: string }[];
  editionsOwed: string;
  passOwed: string;
  articleIds: number[];
}

function LibraryActions({ setup, data }: { setup: WalletSetup; data: LibraryActionsData }) {
  const router = useRouter();
  const { address } = useConnection();
  const t = MESSAGES[setup.locale];
  const refresh = () => router.refresh();
  const desk = deploymentOn(setup.chainId)?.CoverageDesk?.address;
  return (
    <div className="library-actions">
      {data.renewals.map((pass) => (
        <p key={pass.tokenId}>
          {pass.tierName}{" "}
          <TxButton
            testId={`renew-pass-${pass.tokenId}`}
            label={format(t["membership.renew"], { price: formatPrice(pass.price, setup.locale) })}
            locale={setup.locale}
            call={() => renewPass(setup.pass, BigInt(pass.tokenId), pass.duration, pass.price)}
            onConfirmed={refresh}
          />
        </p>
      ))}
      <BatchedWithdraw setup={setup} owed={data.editionsOwed} articleIds={data.articleIds} onFinished={refresh} />
      {BigInt(data.passOwed) > 0n && (
        <TxButton
          testId="withdraw-pass"
          label={format(t["library.withdraw"], { amount: formatPrice(data.passOwed, setup.locale) })}
          locale={setup.locale}
          call={() => (address ? withdrawPassEarnings(setup.pass, address) : null)}
          onConfirmed={refresh}
        />
      )}
      {/* Coverage bounties the DAO's desk owes this author. */}
      {desk && <BountyWithdraw desk={desk} locale={setup.locale} />}
    </div>
  );
}

/** The library's wallet part: sign in (the page then shows what the wallet holds), renew, withdraw. */
export default function LibraryWallet(props: { setup: WalletSetup; data: LibraryActionsData | null }) {
  const router = useRouter();
  return (
    <WalletRoot setup={props.setup} needsSession onSignedIn={props.data ? undefined : () => router.refresh()}>
      {props.data && <LibraryActions setup={props.setup} data={props.data} />}
    </WalletRoot>
  );
}
