import "server-only";
import { createHmac, randomBytes, timingSafeEqual } from "node:crypto";
import { sessionSecret } from "./sessionSecret.ts";
import { usedNonceStore } from "./stores/serverStores.ts";

// Sign-in nonces are stateless to issue (random part, expiry and an HMAC, all alphanumeric as
// EIP-4361 requires) so any server can check one; the used-nonce store remembers the ones
// consumed until they expire, so a nonce signs in once (per server until that store is shared).

export const NONCE_TTL_SECONDS = 5 * 60;

async function mac(body: string) {
  return createHmac("sha256", (await sessionSecret()).export())
    .update(`siwe-nonce:${body}`)
    .digest("hex")
    .slice(0, 24);
}

export async function issueNonce(now = Date.now()) {
  const body = `${randomBytes(12).toString("hex")}${Math.floor(now / 1000 + NONCE_TTL_SECONDS)
    .toString(16)
    .padStart(10, "0")}`;
  return `${body}${await mac(body)}`;
}

export type NonceProblem = "malformed" | "forged" | "expired" | "used";

/** Checks a nonce and marks it used; returns what is wrong with it, or null when it is good. */
export async function consumeNonce(nonce: string, now = Date.now()): Promise<NonceProblem | null> {
  if (!/^[0-9a-f]{58}$/.test(nonce)) return "malformed";
  const body = nonce.slice(0, 34);
  if (!timingSafeEqual(Buffer.from(nonce.slice(34)), Buffer.from(await mac(body)))) return "forged";
  const expiresAt = Number.parseInt(body.slice(24), 16);
  if (expiresAt * 1000 <= now) return "expired";
  return (await (await usedNonceStore()).markUsed(nonce, expiresAt)) ? null : "used";
}
