// `npm run rotate:master-key -- [--network <name>]`: moves every article's data key to a new
// master key by revising its metadata on chain. Resumable: run it again after an interruption.
// Local chain: the new key is generated next to the current key file and takes its place at the
// end (the old file is kept as *.retired.key). Other networks: set CONTENT_MASTER_KEY (current)
// and CONTENT_MASTER_KEY_NEXT (new), then deploy the web tier with the new key.
import { rename } from "node:fs/promises";
import { parseArgs } from "node:util";
import { nextKeyFile } from "../../web/src/content/loadMasterKeyring.ts";
import { newMasterKey, writeMasterKeyFile } from "../../web/src/content/masterKey.ts";
import { connectContent } from "./connectContent.ts";
import { rewrapArticles } from "./rewrapArticles.ts";

try {
  const { values } = parseArgs({ options: { network: { type: "string", default: "localhost" } } });
  const content = await connectContent(values.network!);
  const { keyring } = content;
  let target = keyring.next;
  if (!target) {
    if (!keyring.keyFile) throw new Error("Set CONTENT_MASTER_KEY_NEXT to the new master key (64 hex characters).");
    target = newMasterKey();
    await writeMasterKeyFile(nextKeyFile(keyring.keyFile), target);
    console.log(`Generated the new master key ${target.id} in ${nextKeyFile(keyring.keyFile)}`);
  }
  const all = keyring.all.some((key) => key.id === target.id) ? keyring.all : [...keyring.all, target];
  console.log(`Rotating from master key ${keyring.current.id} to ${target.id} on chain ${content.chainId}`);
  const { rewrapped, articles } = await rewrapArticles(target, { ...content, keyring: { ...keyring, all }, log: console.log });
  console.log(`Re-wrapped ${rewrapped} of ${articles} articles; the others were free or already on the new key.`);
  if (keyring.keyFile) {
    await rename(keyring.keyFile, keyring.keyFile.replace(/\.key$/, `.${keyring.current.id}.retired.key`));
    await rename(nextKeyFile(keyring.keyFile), keyring.keyFile);
    console.log(`${keyring.keyFile} now holds ${target.id}; the old key is kept beside it as *.retired.key.`);
  } else {
    console.log(
      `Now run the web tier with CONTENT_MASTER_KEY=<new key> (CONTENT_MASTER_KEY_PREVIOUS=<old key> until every server restarted).`,
    );
  }
  process.exit(0);
} catch (error) {
  console.error((error as Error).message);
  process.exit(1);
}
