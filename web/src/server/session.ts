import "server-only";
import { randomUUID } from "node:crypto";
import { jwtVerify, SignJWT } from "jose";
import { type Address, getAddress, isAddress } from "viem";
import { serverConfig } from "./serverConfig.ts";
import { sessionSecret } from "./sessionSecret.ts";
import { sessionStore } from "./stores/serverStores.ts";

export { SESSION_COOKIE } from "./cookieNames.ts";

export interface Session {
  /** The token's id (`jti`): what a logout revokes. */
  id: string;
  address: Address;
  chainId: number;
  /** Seconds since the epoch. */
  issuedAt: number;
  /** Seconds since the epoch. */
  expiresAt: number;
}

/**
 * Starts a session: a signed, expiring token (HS256) with its own id, recorded in the session
 * store so that it can be ended early. It lasts SESSION_TTL_SECONDS, and never past `notAfter`
 * (the signed message's expiration time): a session is no stronger than the message behind it.
 */
export async function startSession(address: Address, chainId: number, notAfter?: Date) {
  const issuedAt = Math.floor(Date.now() / 1000);
  const expiresAt = Math.min(issuedAt + serverConfig().SESSION_TTL_SECONDS, notAfter ? Math.floor(notAfter.getTime() / 1000) : Infinity);
  const id = randomUUID();
  const token = await new SignJWT({ chainId })
    .setProtectedHeader({ alg: "HS256" })
    .setSubject(address)
    .setJti(id)
    .setIssuedAt(issuedAt)
    .setExpirationTime(expiresAt)
    .sign(await sessionSecret());
  await (await sessionStore()).open({ id, address, issuedAt, expiresAt });
  return { token, expiresAt, maxAge: expiresAt - issuedAt };
}

async function verifiedSession(token: string): Promise<Session | null> {
  try {
    const { payload } = await jwtVerify(token, await sessionSecret(), { algorithms: ["HS256"] });
    const { sub, jti, iat, exp, chainId } = payload;
    // A token without an id could never be revoked, so it is refused too.
    if (!sub || !isAddress(sub) || chainId !== serverConfig().CHAIN_ID || !jti || iat === undefined || !exp) return null;
    return { id: jti, address: getAddress(sub), chainId, issuedAt: iat, expiresAt: exp };
  } catch {
    return null;
  }
}

/** The session a cookie value proves, or null for a missing, forged, expired, foreign or ended token. */
export async function readSession(token: string | undefined): Promise<Session | null> {
  const session = token ? await verifiedSession(token) : null;
  if (!session || (await (await sessionStore()).isRevoked(session))) return null;
  return session;
}

/** Ends the session a cookie value proves, if any: its token is refused from now on, everywhere it is read. */
export async function endSession(token: string | undefined) {
  const session = await readSession(token);
  if (session) await (await sessionStore()).revoke(session);
}

/** Cookie attributes: httpOnly, SameSite=Lax, Secure except on a localhost site, bounded lifetime. */
export function sessionCookieOptions(maxAge: number) {
  return {
    httpOnly: true,
    sameSite: "lax" as const,
    secure: !serverConfig().isLocalSite,
    path: "/",
    maxAge,
  };
}
