"use client";
import dynamic from "next/dynamic";
import type { WalletSetup } from "@/wallet/walletSetup.ts";

const StudioSignIn = dynamic(() => import("./StudioSignIn.tsx"), { ssr: false, loading: () => <p className="muted">…</p> });

export function StudioSignInIsland(props: { setup: WalletSetup }) {
  return <StudioSignIn {...props} />;
}
