import type { UsedNonceStore } from "./usedNonceStore.ts";

/** Used nonces in this process's memory; each is forgotten once it has expired, when it no longer signs in anyway. */
export function memoryUsedNonceStore(now = () => Date.now() / 1000): UsedNonceStore {
  const used = new Map<string, number>();
  return {
    async markUsed(nonce, expiresAt) {
      const time = now();
      for (const [seen, until] of used) if (until <= time) used.delete(seen);
      if (used.has(nonce)) return false;
      used.set(nonce, expiresAt);
      return true;
    },
  };
}
