import type { LocalAccount } from "viem";
import { createSiweMessage } from "viem/siwe";

export interface SignInOptions {
  /** Where the requests go (the server's real address). */
  baseUrl: string;
  /** The site the message names (its domain and URI); defaults to baseUrl. */
  siteUrl?: string;
  chainId: number;
  nonce?: string;
  expirationTime?: Date;
}

/** Sign-In with Ethereum the way any wallet would: fetch a nonce, sign an EIP-4361 message, post it. */
export async function signInMessage(account: LocalAccount, options: SignInOptions) {
  const site = new URL(options.siteUrl ?? options.baseUrl);
  const nonce = options.nonce ?? ((await (await fetch(`${options.baseUrl}/api/auth/nonce`)).json()) as { nonce: string }).nonce;
  const message = createSiweMessage({
    domain: site.host,
    address: account.address,
    uri: site.origin,
    version: "1",
    chainId: options.chainId,
    nonce,
    issuedAt: new Date(),
    expirationTime: options.expirationTime ?? new Date(Date.now() + 5 * 60_000),
  });
  return { message, signature: await account.signMessage({ message }), nonce };
}

export async function postSignIn(baseUrl: string, body: { message: string; signature: string }) {
  const response = await fetch(`${baseUrl}/api/auth/verify`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(body),
  });
  const cookie = response.headers.get("set-cookie")?.split(";")[0] ?? null;
  return {
    status: response.status,
    body: (await response.json()) as Record<string, unknown>,
    cookie,
    setCookie: response.headers.get("set-cookie"),
  };
}

/** Signs in and returns the session cookie ("name=value"). */
export async function signIn(account: LocalAccount, options: SignInOptions) {
  const result = await postSignIn(options.baseUrl, await signInMessage(account, options));
  if (result.status !== 200 || !result.cookie) throw new Error(`sign-in failed: ${result.status} ${JSON.stringify(result.body)}`);
  return result.cookie;
}
