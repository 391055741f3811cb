import { readdir } from "node:fs/promises";
import { dirname, join, resolve } from "node:path";
import { LOCAL_CHAIN_ID } from "../generated/contracts.ts";
import { z } from "zod";
import { readEnv } from "../config/readEnv.ts";
import { type MasterKey, type MasterKeyring, newMasterKey, parseMasterKey, readMasterKeyFile, writeMasterKeyFile } from "./masterKey.ts";

export interface KeyringWithRotation extends MasterKeyring {
  /** The key a rotation in progress is moving articles to. */
  next?: MasterKey;
  /** Where the local key files live (only when the key came from a file). */
  keyFile?: string;
}

const KEY_SHAPE = "must be 32 bytes written as 64 hex characters or base64";
/** Comma-separated keys; a bad one fails with the variable's name (parseMasterKey's check). */
const masterKeys = z
  .string()
  .transform((text, context) => {
    try {
      return text
        .split(",")
        .filter((value) => value.trim())
        .map((value) => parseMasterKey(value));
    } catch {
      context.addIssue({ code: "custom", message: KEY_SHAPE });
      return z.NEVER;
    }
  })
  .default([]);
const oneMasterKey = masterKeys.refine((keys) => keys.length <= 1, "takes one key");

const LOCAL_KEY_FILE = join(".data", "keys", "content-master.key");
const keyringEnv = (defaultKeyFile: string) =>
  z.object({
    CONTENT_MASTER_KEY: oneMasterKey,
    CONTENT_MASTER_KEY_NEXT: oneMasterKey,
    CONTENT_MASTER_KEY_PREVIOUS: masterKeys,
    CONTENT_KEY_FILE: z.string().default(defaultKeyFile),
  });

export const nextKeyFile = (keyFile: string) => keyFile.replace(/\.key$/, "") + ".next.key";

/**
 * The master keyring. Production takes `CONTENT_MASTER_KEY` (plus `CONTENT_MASTER_KEY_NEXT` while
 * rotating, `CONTENT_MASTER_KEY_PREVIOUS` while servers roll over). On the local chain, without
 * that variable, the key lives in `CONTENT_KEY_FILE` (default `defaultKeyFile`, .data/keys/content-master.key),
 * generated once with owner-only permissions and reused.
 */
export async function loadMasterKeyring(
  chainId: number,
  env: NodeJS.ProcessEnv = process.env,
  defaultKeyFile = LOCAL_KEY_FILE,
): Promise<KeyringWithRotation> {
  const settings = readEnv(keyringEnv(defaultKeyFile), env);
  const [current] = settings.CONTENT_MASTER_KEY;
  if (current) {
    const [next] = settings.CONTENT_MASTER_KEY_NEXT;
    return { current, next, all: [current, ...(next ? [next] : []), ...settings.CONTENT_MASTER_KEY_PREVIOUS] };
  }
  if (chainId !== LOCAL_CHAIN_ID) {
    throw new Error(`CONTENT_MASTER_KEY is required on chain ${chainId}: only the local chain generates a key file`);
  }
  const keyFile = resolve(/*turbopackIgnore: true*/ settings.CONTENT_KEY_FILE);
  let local = await readMasterKeyFile(keyFile);
  if (!local) {
    local = newMasterKey();
    await writeMasterKeyFile(keyFile, local).catch(async (error: NodeJS.ErrnoException) => {
      if (error.code !== "EEXIST") throw error;
      local = await readMasterKeyFile(keyFile); // another process created it first
    });
  }
  const next = (await readMasterKeyFile(nextKeyFile(keyFile))) ?? undefined;
  // Keys retired by a rotation still open metadata that a reader fetched just before it.
  const retired = [];
  for (const file of await readdir(dirname(keyFile)).catch(() => [])) {
    if (file.endsWith(".retired.key")) retired.push((await readMasterKeyFile(join(dirname(keyFile), file)))!);
  }
  return { current: local!, next, all: [local!, ...(next ? [next] : []), ...retired], keyFile };
}
