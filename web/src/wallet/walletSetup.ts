import type { Address } from "viem";
import type { Locale } from "@/i18n/messages.ts";

/** What the server tells the browser's wallet code: plain data, so it crosses the RSC boundary. */
export interface WalletSetup {
  chainId: number;
  rpcUrl: string;
  pass: Address;
  editions: Address;
  locale: Locale;
  /** The public IPFS gateway, for links and images in unlocked premium parts. */
  gatewayUrl: string;
}
