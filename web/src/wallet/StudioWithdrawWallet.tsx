"use client";
import { useRouter } from "next/navigation";
import { BatchedWithdraw } from "./BatchedWithdraw.tsx";
import type { WalletSetup } from "./walletSetup.ts";
import WalletRoot from "./WalletRoot.tsx";

export interface StudioWithdrawProps {
  setup: WalletSetup;
  /** Wei the editions contract owes the signed-in wallet, from the index. */
  owed: string;
  articleIds: number[];
}

/** /studio's withdraw: the library's batched withdrawal, then the page's figures read again. */
export default function StudioWithdrawWallet(props: StudioWithdrawProps) {
  const router = useRouter();
  return (
    <WalletRoot setup={props.setup} needsSession>
      <BatchedWithdraw setup={props.setup} owed={props.owed} articleIds={props.articleIds} onFinished={() => router.refresh()} />
    </WalletRoot>
  );
}
