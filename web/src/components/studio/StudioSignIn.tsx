"use client";
import { useRouter } from "next/navigation";
import type { WalletSetup } from "@/wallet/walletSetup.ts";
import WalletRoot from "@/wallet/WalletRoot.tsx";

/** The wallet dialog and Sign-In with Ethereum; the page shows the studio once signed in. */
export default function StudioSignIn({ setup }: { setup: WalletSetup }) {
  const router = useRouter();
  return <WalletRoot setup={setup} needsSession onSignedIn={() => router.refresh()} />;
}
