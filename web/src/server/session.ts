import "server-only";
import { jwtVerify, SignJWT } from "jose";
import { type Address, getAddress, isAddress } from "viem";
import { serverConfig } from "./serverConfig.ts";
import { sessionSecret } from "./sessionSecret.ts";

export const SESSION_COOKIE = "topnftpost_session";

export interface Session {
  address: Address;
  chainId: number;
  expiresAt: number;
}

/** A signed, expiring session token (HS256): the only state a signed-in reader carries. */
export async function createSessionToken(address: Address, chainId: number) {
  const { SESSION_TTL_SECONDS } = serverConfig();
  const expiresAt = Math.floor(Date.now() / 1000) + SESSION_TTL_SECONDS;
  const token = await new SignJWT({ chainId })
    .setProtectedHeader({ alg: "HS256" })
    .setSubject(address)
    .setIssuedAt()
    .setExpirationTime(expiresAt)
    .sign(await sessionSecret());
  return { token, expiresAt };
}

/** The session a cookie value proves, or null for a missing, forged, expired or foreign token. */
export async function readSession(token: string | undefined): Promise<Session | null> {
  if (!token) return null;
  try {
    const { payload } = await jwtVerify(token, await sessionSecret(), { algorithms: ["HS256"] });
    if (!payload.sub || !isAddress(payload.sub) || payload.chainId !== serverConfig().CHAIN_ID || !payload.exp) return null;
    return { address: getAddress(payload.sub), chainId: payload.chainId, expiresAt: payload.exp };
  } catch {
    return null;
  }
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
