// Who sent a request, for per-IP limits (the vote relay). The web server (web/server.ts) works it
// out from the socket and writes it in CLIENT_IP_HEADER, over anything a client sent there, so a
// route never trusts an X-Forwarded-For a client made up: the header is believed only for as many
// proxies as WEB_TRUSTED_PROXIES says sit in front of the server.

export const CLIENT_IP_HEADER = "x-topnftpost-client-ip";

/**
 * With no trusted proxy, the socket's peer. With n, the address the outermost trusted proxy saw:
 * n entries in from the right of X-Forwarded-For + the peer (proxies append; a client can only
 * prepend).
 */
export function clientAddressOf(socketAddress: string | undefined, forwardedFor: string | string[] | undefined, trustedProxies: number) {
  const peer = socketAddress ?? "unknown";
  if (trustedProxies === 0) return peer;
  const hops = [forwardedFor ?? []]
    .flat()
    .flatMap((header) => header.split(","))
    .map((part) => part.trim())
    .filter(Boolean);
  hops.push(peer);
  return hops.at(-(trustedProxies + 1)) ?? hops[0];
}
