"use client";
import dynamic from "next/dynamic";
import type { StudioWithdrawProps } from "@/wallet/StudioWithdrawWallet.tsx";

const StudioWithdrawWallet = dynamic(() => import("@/wallet/StudioWithdrawWallet.tsx"), {
  ssr: false,
  loading: () => <p className="muted">…</p>,
});

export function StudioWithdrawIsland(props: StudioWithdrawProps) {
  return <StudioWithdrawWallet {...props} />;
}
