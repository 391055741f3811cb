import { readdir } from "node:fs/promises";
import { dirname, join, resolve } from "node:path";
import { LOCAL_CHAIN_ID } from "../generated/contracts.ts";
import {
  type MasterKey,
  type MasterKeyring,
  newMasterKey,
  parseMasterKey,
  readMasterKeyFile,
  writeMasterKeyFile,
} from "./masterKey.ts";

export interface KeyringWithRotation extends MasterKeyring {
  /** The key a rotation in progress is moving articles to. */
  next?: MasterKey;
  /** Where the local key files live (only when the key came from a file). */
  keyFile?: string;
}

export const nextKeyFile = (keyFile: string) => keyFile.replace(/\.key$/, "") + ".next.key";

/**
 * The master keyring. Production takes `CONTENT_MASTER_KEY` (plus `CONTENT_MASTER_KEY_NEXT` while
 * rotating, `CONTENT_MASTER_KEY_PREVIOUS` while servers roll over). On the local chain, without
 * that variable, the key lives in `CONTENT_KEY_FILE` (default .data/keys/content-master.key),
 * generated once with owner-only permissions and reused.
 */
export async function loadMasterKeyring(chainId: number, env: NodeJS.ProcessEnv = process.env): Promise<KeyringWithRotation> {
  const fromList = (name: string) =>
    (env[name] ?? "").split(",").filter((value) => value.trim()).map((value) => parseMasterKey(value, name));
  if (env.CONTENT_MASTER_KEY) {
    const current = parseMasterKey(env.CONTENT_MASTER_KEY);
    const [next] = fromList("CONTENT_MASTER_KEY_NEXT");
    return { current, next, all: [current, ...(next ? [next] : []), ...fromList("CONTENT_MASTER_KEY_PREVIOUS")] };
  }
  if (chainId !== LOCAL_CHAIN_ID) {
    throw new Error(`CONTENT_MASTER_KEY is required on chain ${chainId}: only the local chain generates a key file`);
  }
  const keyFile = resolve(/*turbopackIgnore: true*/ env.CONTENT_KEY_FILE || join(".data", "keys", "content-master.key"));
  let current = await readMasterKeyFile(keyFile);
  if (!current) {
    current = newMasterKey();
    await writeMasterKeyFile(keyFile, current).catch(async (error: NodeJS.ErrnoException) => {
      if (error.code !== "EEXIST") throw error;
      current = await readMasterKeyFile(keyFile); // another process created it first
    });
  }
  const next = (await readMasterKeyFile(nextKeyFile(keyFile))) ?? undefined;
  // Keys retired by a rotation still open metadata that a reader fetched just before it.
  const retired = [];
  for (const file of await readdir(dirname(keyFile)).catch(() => [])) {
    if (file.endsWith(".retired.key")) retired.push((await readMasterKeyFile(join(dirname(keyFile), file)))!);
  }
  return { current: current!, next, all: [current!, ...(next ? [next] : []), ...retired], keyFile };
}
