import { getConnection, signMessage } from "wagmi/actions";
import { createSiweMessage } from "viem/siwe";
import type { createWagmiConfig } from "./createWagmiConfig.ts";

/** One signature, no gas: an EIP-4361 message for this site, exchanged for a session cookie. */
export async function signIn(config: ReturnType<typeof createWagmiConfig>, chainId: number) {
  const { address } = getConnection(config);
  if (!address) throw new Error("Connect a wallet first.");
  const nonceResponse = await fetch("/api/auth/nonce", { cache: "no-store" });
  const { nonce } = (await nonceResponse.json()) as { nonce: string };
  const message = createSiweMessage({
    domain: window.location.host,
    address,
    statement: "Sign in to TopNFTpost to read with your passes and editions.",
    uri: window.location.origin,
    version: "1",
    chainId,
    nonce,
    issuedAt: new Date(),
    expirationTime: new Date(Date.now() + 10 * 60_000),
  });
  const signature = await signMessage(config, { message });
  const response = await fetch("/api/auth/verify", {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ message, signature }),
  });
  const body = (await response.json()) as { error?: string; address?: string };
  if (!response.ok) throw new Error(body.error ?? `sign-in answered ${response.status}`);
  return body.address!;
}
