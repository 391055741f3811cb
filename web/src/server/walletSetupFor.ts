import "server-only";
import type { Locale } from "@/i18n/messages.ts";
import type { WalletSetup } from "@/wallet/walletSetup.ts";
import { publicationAddresses } from "./publication.ts";
import { serverConfig } from "./serverConfig.ts";

export function walletSetupFor(locale: Locale): WalletSetup {
  const config = serverConfig();
  return { chainId: config.CHAIN_ID, rpcUrl: config.publicRpcUrl, ...publicationAddresses(), locale, gatewayUrl: config.publicGatewayUrl };
}
