const MAX_BACKOFF_MS = 60_000;
const backoffMs = (attempts: number) => Math.min(MAX_BACKOFF_MS, 500 * 2 ** (attempts - 1));

/** What IPFS did not deliver, and when to ask again: after 0.5 s, doubling up to 60 s. */
export function retrySchedule() {
  const retries = new Map<string, { attempts: number; nextAt: number }>();
  return {
    /** Records another failure of `key`: its attempt count and how long until the next. */
    failed(key: string) {
      const attempts = (retries.get(key)?.attempts ?? 0) + 1;
      const delayMs = backoffMs(attempts);
      retries.set(key, { attempts, nextAt: Date.now() + delayMs });
      return { attempts, delayMs };
    },
    succeeded(key: string) {
      retries.delete(key);
    },
    /** Every key being retried, due or not. */
    keys: () => [...retries.keys()],
    /** The keys whose next try is not due yet. */
    waiting(now = Date.now()) {
      return [...retries].filter(([, retry]) => retry.nextAt > now).map(([key]) => key);
    },
    /** The keys due for another try now. */
    due(now = Date.now()) {
      return [...retries].filter(([, retry]) => retry.nextAt <= now).map(([key]) => key);
    },
  };
}

/**
 * Runs `round` until stopped: again at once while it says more is waiting (a backlog), else after
 * `pollMs`. A round that throws (tables not made yet, the database restarting) is tried next time.
 */
export function runRounds(round: () => Promise<boolean>, pollMs: number) {
  let stopped = false;
  const done = (async () => {
    while (!stopped) {
      const busy = await round().catch(() => false);
      await new Promise((resolve) => setTimeout(resolve, busy ? 10 : pollMs));
    }
  })();
  return {
    async stop() {
      stopped = true;
      await done;
    },
  };
}
