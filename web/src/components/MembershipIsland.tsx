"use client";
import dynamic from "next/dynamic";
import type { TierOffer } from "@/wallet/MembershipWallet.tsx";
import type { WalletSetup } from "@/wallet/walletSetup.ts";

const MembershipWallet = dynamic(() => import("@/wallet/MembershipWallet.tsx"), { ssr: false, loading: () => <p className="muted">…</p> });

export function MembershipIsland(props: { setup: WalletSetup; tiers: TierOffer[] }) {
  return <MembershipWallet {...props} />;
}
