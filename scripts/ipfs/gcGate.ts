/**
 * Keeps garbage collection from running between an upload's blocks landing and their pin: a block
 * written but not yet pinned would look like garbage. Writes share the gate; a collection waits
 * for the writes in flight, and new writes wait for it.
 */
export function createGcGate() {
  let writes = 0;
  let collecting: Promise<void> | null = null;
  let writesDone: (() => void) | null = null;

  return {
    async duringWrite<T>(write: () => Promise<T>): Promise<T> {
      while (collecting) await collecting;
      writes++;
      try {
        return await write();
      } finally {
        writes--;
        if (writes === 0) writesDone?.();
      }
    },
    async exclusively<T>(collect: () => Promise<T>): Promise<T> {
      while (collecting) await collecting;
      let finished!: () => void;
      collecting = new Promise((resolve) => (finished = resolve));
      try {
        while (writes > 0) await new Promise<void>((resolve) => (writesDone = resolve));
        return await collect();
      } finally {
        writesDone = null;
        collecting = null;
        finished();
      }
    },
  };
}

export type GcGate = ReturnType<typeof createGcGate>;
