import "server-only";
import { type Address, getAddress } from "viem";
import { parseSiweMessage, validateSiweMessage } from "viem/siwe";
import { chainClient } from "./publication.ts";
import { serverConfig } from "./serverConfig.ts";
import { consumeNonce } from "./siweNonce.ts";

export type SignInResult =
  | {
      ok: true;
      address: Address;
      chainId: number /** The message's expiration time, which the session must not outlive. */;
      notAfter?: Date;
    }
  | { ok: false; status: 400 | 401 | 503; error: string };

const refuse = (error: string, status: 400 | 401 | 503 = 401): SignInResult => ({ ok: false, status, error });

/**
 * Verifies a Sign-In with Ethereum (EIP-4361) message and its signature. Any conformant message
 * is accepted, whoever built it, as long as it names its address in EIP-55 checksum form (as
 * EIP-4361 requires and the reference `siwe` library enforces), is for this site's domain and
 * URI and this chain, is inside its validity window, carries a nonce this site issued and nobody
 * has used, and is signed by the address it names (EOA, or smart account through ERC-1271/6492).
 */
export async function verifySignIn(message: unknown, signature: unknown): Promise<SignInResult> {
  if (typeof message !== "string" || message.length > 4_096 || typeof signature !== "string" || !/^0x[0-9a-fA-F]+$/.test(signature)) {
    return refuse("Send JSON {message, signature}: an EIP-4361 message and its 0x-hex signature.", 400);
  }
  const fields = parseSiweMessage(message);
  if (!fields.address || !fields.domain || !fields.uri || !fields.nonce || !fields.chainId || fields.version !== "1") {
    return refuse("The message is not an EIP-4361 sign-in message.", 400);
  }
  const checksummed = getAddress(fields.address);
  if (fields.address !== checksummed) {
    return refuse(`EIP-4361 requires the address in EIP-55 checksum form: write ${checksummed}, not ${fields.address}.`, 400);
  }
  const { site, CHAIN_ID } = serverConfig();
  if (fields.domain !== site.host) return refuse(`The message signs in to ${fields.domain}, not ${site.host}.`);
  let uriOrigin: string;
  try {
    uriOrigin = new URL(fields.uri).origin;
  } catch {
    return refuse("The message's URI is not a URL.", 400);
  }
  if (uriOrigin !== site.origin) return refuse(`The message's URI is for ${uriOrigin}, not ${site.origin}.`);
  if (fields.chainId !== CHAIN_ID) return refuse(`The message is for chain ${fields.chainId}; this site runs on chain ${CHAIN_ID}.`);
  if (!validateSiweMessage({ message: fields, time: new Date() })) {
    return refuse("The message has expired or is not valid yet.");
  }
  let valid = false;
  try {
    valid = await chainClient().verifySiweMessage({ message, signature: signature as `0x${string}` });
  } catch {
    return refuse("The chain did not answer while checking the signature; try again.", 503);
  }
  if (!valid) return refuse("The signature does not belong to the address in the message.");
  // The nonce is spent only by a correctly signed message, so nobody can burn another's nonce.
  const problem = await consumeNonce(fields.nonce);
  if (problem) return refuse(`The sign-in nonce is ${problem === "used" ? "already used" : problem}; ask for a new one.`);
  return { ok: true, address: checksummed, chainId: fields.chainId, notAfter: fields.expirationTime };
}
