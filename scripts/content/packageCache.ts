import { mkdir, readFile, rename, writeFile } from "node:fs/promises";
import { dirname } from "node:path";

/**
 * Remembers which metadata CID a content digest was packaged as, per publication and master key,
 * so re-seeding a fresh local chain reuses the IPFS content instead of re-encrypting (which, with
 * a fresh random key, would add a second copy). Only an optimisation: losing it loses nothing.
 */
export function packageCache(file: string) {
  async function load(): Promise<Record<string, string>> {
    try {
      return JSON.parse(await readFile(file, "utf8"));
    } catch {
      return {};
    }
  }
  return {
    async get(key: string) {
      return (await load())[key];
    },
    async set(key: string, metadataCid: string) {
      const entries = { ...(await load()), [key]: metadataCid };
      await mkdir(dirname(file), { recursive: true });
      await writeFile(`${file}.tmp`, JSON.stringify(entries, null, 2));
      await rename(`${file}.tmp`, file);
    },
  };
}

export type PackageCache = ReturnType<typeof packageCache>;
