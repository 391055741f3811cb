import { createHash, randomBytes } from "node:crypto";
import { mkdir, readFile, stat, writeFile } from "node:fs/promises";
import { dirname } from "node:path";
import { ContentError } from "./contentError.ts";
import { newIv, open, seal } from "./contentCrypto.ts";

/** The publication's one secret: it wraps every article's data key. */
export interface MasterKey {
  id: string;
  key: Buffer;
}

/** Keys a reader may unwrap with: the current one, plus others during a rotation. */
export interface MasterKeyring {
  current: MasterKey;
  all: MasterKey[];
}

export function masterKeyFrom(key: Buffer): MasterKey {
  const id = createHash("sha256").update("topnftpost master key id").update(key).digest("hex").slice(0, 16);
  return { id, key };
}

/** Accepts 64 hex characters (optionally 0x-prefixed) or base64 of 32 bytes. */
export function parseMasterKey(text: string, name = "CONTENT_MASTER_KEY"): MasterKey {
  const trimmed = text.trim().replace(/^0x/, "");
  const key = /^[0-9a-fA-F]{64}$/.test(trimmed) ? Buffer.from(trimmed, "hex") : Buffer.from(trimmed, "base64");
  if (key.byteLength !== 32 || (!/^[0-9a-fA-F]{64}$/.test(trimmed) && key.toString("base64") !== trimmed)) {
    throw new Error(`${name} must be 32 bytes written as 64 hex characters or base64`);
  }
  return masterKeyFrom(key);
}

export const newMasterKey = () => masterKeyFrom(randomBytes(32));

/** Reads a key file, refusing one that other users could read. */
export async function readMasterKeyFile(path: string): Promise<MasterKey | null> {
  const info = await stat(path).catch(() => null);
  if (!info) return null;
  if ((info.mode & 0o077) !== 0) {
    throw new Error(`${path} is readable by other users; run: chmod 600 ${path}`);
  }
  return parseMasterKey(await readFile(path, "utf8"), path);
}

/** Writes a new key file readable by its owner only; never overwrites one. */
export async function writeMasterKeyFile(path: string, key: MasterKey) {
  await mkdir(dirname(path), { recursive: true, mode: 0o700 });
  await writeFile(path, `${key.key.toString("hex")}\n`, { mode: 0o600, flag: "wx" });
}

const wrapAad = (identity: string) => `${identity}:data-key`;

/** The data key, encrypted under the master key: base64 of IV, ciphertext and tag. */
export function wrapDataKey(master: MasterKey, dataKey: Uint8Array, identity: string) {
  const iv = newIv();
  return Buffer.concat([iv, seal(master.key, iv, dataKey, wrapAad(identity))]).toString("base64");
}

export function unwrapDataKey(keyring: MasterKeyring, keyId: string, wrapped: string, identity: string) {
  const master = keyring.all.find((candidate) => candidate.id === keyId);
  if (!master) {
    throw new ContentError(
      "wrong-master-key",
      `the article's data key is wrapped by master key ${keyId}, but this server holds ${keyring.all.map((k) => k.id).join(", ")}`,
    );
  }
  const bytes = Buffer.from(wrapped, "base64");
  return open(master.key, bytes.subarray(0, 12), bytes.subarray(12), wrapAad(identity), "the wrapped data key");
}
