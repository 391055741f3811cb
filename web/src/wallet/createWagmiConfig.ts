import { type Address, http } from "viem";
import { cookieStorage, createConfig, createStorage } from "wagmi";
import { injected, mock, walletConnect } from "wagmi/connectors";
import { chainFor } from "./chains.ts";

// Test builds (NEXT_PUBLIC_TEST_WALLET=1, set only by the browser tests and benchmarks) add
// wagmi's mock connector, which signs through the local node's unlocked accounts. The account is
// chosen by the test through localStorage; production builds contain no mock connector at all.
// Both are build-time literals, validated by web/next.config.ts when the app is built.
const TEST_WALLET = process.env.NEXT_PUBLIC_TEST_WALLET === "1";
const WALLETCONNECT_PROJECT_ID = process.env.NEXT_PUBLIC_WALLETCONNECT_PROJECT_ID;
export const TEST_ACCOUNT_KEY = "topnftpost:test-account";

const chosenTestAccount = () => (typeof window === "undefined" ? null : window.localStorage.getItem(TEST_ACCOUNT_KEY));

/** The one wagmi config factory: injected wallets (EIP-6963), WalletConnect when configured. */
export function createWagmiConfig(chainId: number, rpcUrl: string) {
  const chain = chainFor(chainId, rpcUrl);
  const connectors = [
    injected(),
    ...(WALLETCONNECT_PROJECT_ID ? [walletConnect({ projectId: WALLETCONNECT_PROJECT_ID, showQrModal: true })] : []),
    // Reconnects by itself (like an extension that remembers the site) only when a test chose an account.
    ...(TEST_WALLET
      ? [
          mock({
            accounts: [(chosenTestAccount() ?? "0x3C44CdDdB6a900fa2b585dd299e03d12FA4293BC") as Address],
            features: { reconnect: true, defaultConnected: chosenTestAccount() !== null },
          }),
        ]
      : []),
  ];
  return createConfig({
    chains: [chain],
    connectors,
    transports: { [chain.id]: http(rpcUrl) },
    ssr: true,
    storage: createStorage({ storage: cookieStorage }),
    multiInjectedProviderDiscovery: true,
  });
}

declare module "wagmi" {
  interface Register {
    config: ReturnType<typeof createWagmiConfig>;
  }
}
