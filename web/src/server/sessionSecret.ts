import "server-only";
import { createSecretKey, type KeyObject, randomBytes } from "node:crypto";
import { mkdir, readFile, stat, writeFile } from "node:fs/promises";
import { dirname, join } from "node:path";
import { LOCAL_CHAIN_ID } from "@/generated/contracts.ts";
import { dataDir } from "./dataDir.ts";
import { serverConfig } from "./serverConfig.ts";

async function localSecret() {
  const file = join(dataDir(), "keys", "session.key");
  const info = await stat(file).catch(() => null);
  if (!info) {
    await mkdir(dirname(file), { recursive: true, mode: 0o700 });
    await writeFile(file, randomBytes(32).toString("hex"), { mode: 0o600, flag: "wx" }).catch((error: NodeJS.ErrnoException) => {
      if (error.code !== "EEXIST") throw error;
    });
  }
  return readFile(file, "utf8");
}

let secret: Promise<KeyObject> | undefined;

/**
 * The key that signs session cookies: SESSION_SECRET (at least 32 characters) in production;
 * on the local chain, generated once into .data/keys/session.key. Every server of a deployment
 * shares it, so a session signed in on one server reads on every other.
 */
export function sessionSecret() {
  return (secret ??= (async () => {
    const { SESSION_SECRET: fromEnv, CHAIN_ID } = serverConfig();
    if (!fromEnv && CHAIN_ID !== LOCAL_CHAIN_ID) throw new Error("SESSION_SECRET: required off the local chain");
    // One key object for the process: importing the secret on every request costs more than the HMAC.
    return createSecretKey(Buffer.from(fromEnv || (await localSecret()).trim(), "utf8"));
  })());
}
