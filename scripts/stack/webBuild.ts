import { createHash } from "node:crypto";
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";

const root = join(import.meta.dirname, "../..");

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? filesUnder(join(dir, entry.name)) : [join(dir, entry.name)],
  );
}

/** Fingerprint of everything a web build depends on, so an unchanged app is not rebuilt. */
export function webSourceHash(buildEnv: Record<string, string>) {
  const hash = createHash("sha256").update(JSON.stringify(buildEnv));
  const inputs = [
    ...filesUnder(join(root, "web/src")),
    join(root, "web/next.config.ts"),
    join(root, "package-lock.json"),
    ...readdirSync(join(root, "deployments")).map((file) => join(root, "deployments", file)),
  ].sort();
  for (const file of inputs) if (statSync(file).isFile()) hash.update(file).update(readFileSync(file));
  return hash.digest("hex");
}

const marker = (distDir: string) => join(root, "web", distDir, ".topnftpost-source-hash");

export const webBuildIsCurrent = (distDir: string, hash: string) =>
  existsSync(marker(distDir)) && readFileSync(marker(distDir), "utf8") === hash;

export const markWebBuild = (distDir: string, hash: string) => writeFileSync(marker(distDir), hash);
