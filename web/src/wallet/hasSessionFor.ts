/**
 * Whether the server holds a session for `address`. Throws when the server cannot say (network
 * error, 5xx, a proxy's error page), so the reader sees the failure instead of a dead button.
 */
export async function hasSessionFor(address: string) {
  const response = await fetch("/api/auth/session", { cache: "no-store" });
  if (response.status === 401) return false; // an answer: no session, or one that ended
  if (!response.ok) throw new Error(`The session check answered ${response.status}.`);
  const body = (await response.json()) as { authenticated: boolean; address?: string };
  return body.authenticated && body.address?.toLowerCase() === address.toLowerCase();
}
