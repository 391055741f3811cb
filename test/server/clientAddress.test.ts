import { describe, expect, it } from "vitest";
import { clientAddressOf } from "../../web/src/server/clientAddress.ts";

describe("the client address the per-IP limits count", () => {
  it("is the socket's peer when no proxy is trusted, whatever X-Forwarded-For a client sends", () => {
    expect(clientAddressOf("203.0.113.9", "198.51.100.1", 0)).toBe("203.0.113.9");
    expect(clientAddressOf("203.0.113.9", undefined, 0)).toBe("203.0.113.9");
  });

  it("is what the outermost trusted proxy saw, so prepended entries change nothing", () => {
    // Client 198.51.100.7 → load balancer (appends it) → this server.
    expect(clientAddressOf("10.0.0.2", "198.51.100.7", 1)).toBe("198.51.100.7");
    expect(clientAddressOf("10.0.0.2", "1.1.1.1, 2.2.2.2, 198.51.100.7", 1)).toBe("198.51.100.7");
    // CDN → load balancer → this server: two trusted hops.
    expect(clientAddressOf("10.0.0.2", "forged, 198.51.100.7, 172.16.0.5", 2)).toBe("198.51.100.7");
    expect(clientAddressOf("10.0.0.2", ["forged", "198.51.100.7, 172.16.0.5"], 2)).toBe("198.51.100.7");
  });

  it("falls back to the first address known when fewer hops arrived than trusted", () => {
    expect(clientAddressOf("10.0.0.2", undefined, 1)).toBe("10.0.0.2");
  });
});
