import { createHash } from "node:crypto";
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";

const root = join(import.meta.dirname, "../..");

/** Every file whose change makes Ponder see a different app (its build id). */
function inputs(dir: string): string[] {
  return readdirSync(dir)
    .sort()
    .flatMap((name) => {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) return inputs(path);
      return /\.(ts|json)$/.test(name) && !name.endsWith(".d.ts") ? [path] : [];
    });
}

/**
 * The Postgres schema for this build of the indexer on this deployment. Ponder refuses to reuse a
 * schema written by a different build, so a changed handler or a redeployed publication gets a
 * fresh schema (indexed from the start), while a restart of the same build resumes its own.
 */
export function indexerSchema(deploymentFile: string) {
  const hash = createHash("sha256");
  for (const file of [...inputs(join(root, "scripts/indexer")), join(root, "web/src/generated/contracts.ts"), deploymentFile]) {
    hash.update(file).update(readFileSync(file));
  }
  return `indexer_${hash.digest("hex").slice(0, 12)}`;
}
