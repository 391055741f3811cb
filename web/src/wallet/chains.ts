import { type Chain, defineChain } from "viem";
import { hardhat, kaia, kairos } from "viem/chains";

/** The chain the publication runs on, with the RPC the server chose for the local one. */
export function chainFor(chainId: number, rpcUrl: string): Chain {
  if (chainId === kaia.id) return kaia;
  if (chainId === kairos.id) return kairos;
  if (chainId === hardhat.id) return { ...hardhat, rpcUrls: { default: { http: [rpcUrl] } } };
  return defineChain({
    id: chainId,
    name: `Chain ${chainId}`,
    nativeCurrency: { name: "Ether", symbol: "ETH", decimals: 18 },
    rpcUrls: { default: { http: [rpcUrl] } },
  });
}

export const explorerTxUrl = (chain: Chain, hash: string) =>
  chain.blockExplorers ? `${chain.blockExplorers.default.url}/tx/${hash}` : null;
