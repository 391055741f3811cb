// Installs the project's npm dependencies when they are missing or stale, on any Node >= 20.
// Plain JavaScript on purpose: on a fresh machine this runs on the system's Node (maybe 20),
// before the project's own Node 22 (the `node` npm package) exists.
//
// Why two passes: npm running on Node 20 silently skips optional native packages whose engines
// need Node 22 (Hardhat's `@nomicfoundation/edr-linux-x64-gnu`). The first pass installs the
// `node@22` package; the second runs npm again with that Node first on PATH, which completes it.
import { execFileSync } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "../..");
const bin = join(root, "node_modules", ".bin");
const marker = join(root, "node_modules", ".topnftpost-install");
const lockFile = join(root, "package-lock.json");

const lockHash = createHash("sha256")
  .update(readFileSync(lockFile))
  .update(readFileSync(join(root, "package.json")))
  .digest("hex");

if (existsSync(marker) && readFileSync(marker, "utf8") === lockHash && existsSync(join(bin, "node"))) {
  process.exit(0);
}

const npm = (args, env = process.env) => {
  console.log(`[setup] npm ${args.join(" ")}`);
  execFileSync("npm", args, { cwd: root, stdio: "inherit", env });
};
const quiet = ["--no-audit", "--no-fund"];

console.log("[setup] installing dependencies (first run or package-lock.json changed)");
npm(existsSync(join(bin, "node")) ? ["install", ...quiet] : ["ci", ...quiet]);
npm(["install", ...quiet], { ...process.env, PATH: `${bin}:${process.env.PATH}` });
writeFileSync(marker, lockHash);
console.log("[setup] dependencies ready");
