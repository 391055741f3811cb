/**
 * Browser-side stand-in for a wallet extension (none can be installed here): an EIP-1193
 * `window.ethereum` that answers accounts and chain locally (starting on `chainId`, switching when
 * asked) and forwards everything else, signing included, to the local node, whose accounts are
 * unlocked. It records when the signature returned, for the unlock timing. Runs inside the page
 * through Playwright's addInitScript.
 */
export function installInjectedWallet({
  rpcUrl,
  account,
  chainId,
  announceAs,
}: {
  rpcUrl: string;
  account: string;
  chainId: number;
  announceAs?: string;
}) {
  const win = window as unknown as Record<string, unknown>;
  let id = 0;
  let currentChain = chainId;
  let authorized = false;
  const listeners: Record<string, ((...args: unknown[]) => void)[]> = {};
  win.ethereum = {
    isMetaMask: false,
    on: (event: string, listener: (...args: unknown[]) => void) => (listeners[event] ??= []).push(listener),
    removeListener: (event: string, listener: (...args: unknown[]) => void) => {
      listeners[event] = (listeners[event] ?? []).filter((l) => l !== listener);
    },
    async request({ method, params }: { method: string; params?: unknown[] }) {
      // Like a real wallet: the site sees the account only once the reader connected.
      if (method === "eth_requestAccounts") authorized = true;
      if (method === "eth_requestAccounts" || method === "eth_accounts") return authorized ? [account] : [];
      if (method === "eth_chainId") return `0x${currentChain.toString(16)}`;
      if (method === "wallet_switchEthereumChain") {
        const [request] = (params ?? []) as [{ chainId: string }];
        currentChain = Number.parseInt(request.chainId, 16);
        for (const listener of listeners.chainChanged ?? []) listener(`0x${currentChain.toString(16)}`);
        return null;
      }
      if (method === "wallet_requestPermissions" || method === "wallet_revokePermissions") return [];
      const response = await fetch(rpcUrl, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ jsonrpc: "2.0", id: ++id, method, params: params ?? [] }),
      });
      const body = await response.json();
      if (body.error) throw Object.assign(new Error(body.error.message), { code: body.error.code, data: body.error.data });
      if (method === "personal_sign") win.__signatureReturnedAt = performance.now();
      return body.result;
    },
  };
  if (announceAs) {
    // EIP-6963: announce the wallet by name, now and whenever a page asks.
    const announce = () =>
      window.dispatchEvent(
        new CustomEvent("eip6963:announceProvider", {
          detail: Object.freeze({
            info: {
              uuid: "00000000-0000-4000-8000-000000000001",
              name: announceAs,
              icon: "data:image/svg+xml,<svg xmlns='http://www.w3.org/2000/svg'/>",
              rdns: "dev.topnftpost.test-wallet",
            },
            provider: win.ethereum,
          }),
        }),
      );
    window.addEventListener("eip6963:requestProvider", announce);
    announce();
  }
}

/** Records (in the page) when the unlocked premium part first appears. */
export function recordPremiumVisible() {
  const win = window as unknown as Record<string, unknown>;
  new MutationObserver((_, observer) => {
    if (document.querySelector("[data-testid=premium-content]")) {
      win.__premiumVisibleAt = performance.now();
      observer.disconnect();
    }
  }).observe(document, { childList: true, subtree: true });
}
