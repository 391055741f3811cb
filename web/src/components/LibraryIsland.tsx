"use client";
import dynamic from "next/dynamic";
import type { LibraryActionsData } from "@/wallet/LibraryWallet.tsx";
import type { WalletSetup } from "@/wallet/walletSetup.ts";

const LibraryWallet = dynamic(() => import("@/wallet/LibraryWallet.tsx"), { ssr: false, loading: () => <p className="muted">…</p> });

export function LibraryIsland(props: { setup: WalletSetup; data: LibraryActionsData | null }) {
  return <LibraryWallet {...props} />;
}
