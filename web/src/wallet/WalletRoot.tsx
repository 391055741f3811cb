"use client";
import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { type ReactNode, useState } from "react";
import { WagmiProvider } from "wagmi";
import { createWagmiConfig } from "./createWagmiConfig.ts";
import type { WalletSetup } from "./walletSetup.ts";
import { WalletGate } from "./WalletGate.tsx";

/** Everything wallet-related, loaded only when a page or a reader asks for it. */
export default function WalletRoot(props: {
  setup: WalletSetup;
  needsSession: boolean;
  autoSignIn?: boolean;
  onSignedIn?: () => void;
  children?: ReactNode;
}) {
  const [config] = useState(() => createWagmiConfig(props.setup.chainId, props.setup.rpcUrl));
  const [queryClient] = useState(() => new QueryClient());
  return (
    <WagmiProvider config={config} reconnectOnMount>
      <QueryClientProvider client={queryClient}>
        <WalletGate
          locale={props.setup.locale}
          needsSession={props.needsSession}
          autoSignIn={props.autoSignIn}
          onSignedIn={props.onSignedIn}
        >
          {props.children}
        </WalletGate>
      </QueryClientProvider>
    </WagmiProvider>
  );
}
