import { createCipheriv, createDecipheriv, randomBytes } from "node:crypto";
import { ContentError } from "./contentError.ts";

// AES-256-GCM for premium parts and for wrapping their data keys. A sealed value is the
// ciphertext followed by the 16-byte tag; the IV travels beside it (in the article metadata).

export const ALGORITHM = "AES-256-GCM" as const;
const TAG_BYTES = 16;

export const newDataKey = () => randomBytes(32);
export const newIv = () => randomBytes(12);

export function seal(key: Uint8Array, iv: Uint8Array, plaintext: Uint8Array, associatedData: string) {
  const cipher = createCipheriv("aes-256-gcm", key, iv, { authTagLength: TAG_BYTES });
  cipher.setAAD(Buffer.from(associatedData, "utf8"));
  return Buffer.concat([cipher.update(plaintext), cipher.final(), cipher.getAuthTag()]);
}

/** Decrypts and authenticates; any change to the bytes, the key, the IV or the AAD is a ContentError. */
export function open(key: Uint8Array, iv: Uint8Array, sealed: Uint8Array, associatedData: string, what: string) {
  if (sealed.byteLength < TAG_BYTES) throw new ContentError("tampered", `${what} is too short to be AES-256-GCM output`);
  const decipher = createDecipheriv("aes-256-gcm", key, iv, { authTagLength: TAG_BYTES });
  decipher.setAAD(Buffer.from(associatedData, "utf8"));
  decipher.setAuthTag(sealed.subarray(sealed.byteLength - TAG_BYTES));
  try {
    return Buffer.concat([decipher.update(sealed.subarray(0, sealed.byteLength - TAG_BYTES)), decipher.final()]);
  } catch {
    throw new ContentError("tampered", `${what} failed authentication: it was altered or belongs to another article`);
  }
}

/** The identity every premium part and data key of an article is bound to. */
export const articleIdentity = (chainId: number, editions: string, contentDigest: string) =>
  `topnftpost:v1:${chainId}:${editions.toLowerCase()}:${contentDigest}`;
