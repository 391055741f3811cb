// `npm run reset [-- --yes]`: starts the local publication over. Deletes the local chain's state,
// the database, the event index and the local deployment record, after asking; keeps IPFS content and the keys, so
// the next `npm start` republishes the seed articles without uploading anything again.
import { existsSync, rmSync } from "node:fs";
import { join } from "node:path";
import { createInterface } from "node:readline/promises";
import { z } from "zod";
import { readEnv } from "../../web/src/config/readEnv.ts";

const root = join(import.meta.dirname, "../..");
const { TOPNFTPOST_DATA_DIR: dataDir } = readEnv(z.object({ TOPNFTPOST_DATA_DIR: z.string().default(join(root, ".data")) }));
const doomed = [join(dataDir, "chain"), join(dataDir, "db"), join(dataDir, "indexer"), join(root, "deployments/31337.json")].filter(
  (path) => existsSync(path),
);

if (doomed.length === 0) {
  console.log("Nothing to reset: there is no local chain or database yet.");
  process.exit(0);
}
console.log("This deletes the local publication's chain and database:");
for (const path of doomed) console.log(`  ${path}`);
console.log("Every article, pass and edition on the local chain is gone afterwards (IPFS data and keys stay).");
if (!process.argv.includes("--yes")) {
  if (!process.stdin.isTTY) {
    console.error("Not deleting without confirmation: run `npm run reset -- --yes` to do it unattended.");
    process.exit(1);
  }
  const prompt = createInterface({ input: process.stdin, output: process.stdout });
  const answer = await prompt.question('Type "reset" to delete them: ');
  prompt.close();
  if (answer.trim() !== "reset") {
    console.log("Nothing deleted.");
    process.exit(1);
  }
}
for (const path of doomed) rmSync(path, { recursive: true, force: true });
console.log("Deleted. `npm start` begins a new local publication.");
