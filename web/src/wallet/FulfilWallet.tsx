"use client";
import { useRouter } from "next/navigation";
import type { Address } from "viem";
import { type FulfilCandidate, FulfilCommission } from "@/components/dao/FulfilCommission.tsx";
import type { WalletSetup } from "./walletSetup.ts";
import WalletRoot from "./WalletRoot.tsx";

export interface FulfilWalletProps {
  setup: WalletSetup;
  desk: Address;
  commissionId: string;
  /** The article offered (the studio's just-published draft), preselected. */
  article: FulfilCandidate;
}

/** The fulfil step on its own, where an article was just published for a commission. */
export default function FulfilWallet(props: FulfilWalletProps) {
  const router = useRouter();
  return (
    <WalletRoot setup={props.setup} needsSession={false}>
      <FulfilCommission
        desk={props.desk}
        editions={props.setup.editions}
        commissionId={props.commissionId}
        candidates={[props.article]}
        articleId={props.article.id}
        locale={props.setup.locale}
        onFulfilled={() => router.refresh()}
      />
    </WalletRoot>
  );
}
