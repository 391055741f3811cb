// `node scripts/setup/bootstrap.mjs [command ...]`: installs the project's npm dependencies when
// they are missing or stale, then runs the command with the project's own Node 22 first on PATH.
// Plain JavaScript on purpose: on a fresh machine this runs on the system's Node (maybe 20),
// before the project's Node 22 (the `node` npm package) exists.
//
// Why two passes: npm running on Node 20 silently skips optional native packages whose engines
// need Node 22 (Hardhat's `@nomicfoundation/edr-linux-x64-gnu`). The first pass installs the
// `node@22` package; the second runs npm again with that Node first on PATH, which completes it.
import { execFileSync, spawn } from "node:child_process";
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

// npm puts the directory of the Node running it first on a script's PATH, so scripts must be
// started by an npm that itself runs on Node 22: this PATH makes `env node` find it.
const projectNodeEnv = { ...process.env, PATH: `${bin}:${process.env.PATH}` };

function install() {
  if (existsSync(marker) && readFileSync(marker, "utf8") === lockHash && existsSync(join(bin, "node"))) return;
  console.log("[setup] installing dependencies (first run or package-lock.json changed)");
  npm(existsSync(join(bin, "node")) ? ["install", ...quiet] : ["ci", ...quiet]);
  npm(["install", ...quiet], projectNodeEnv);
  if (!existsSync(join(bin, "node"))) throw new Error("[setup] the `node` npm package did not install its binary");
  writeFileSync(marker, lockHash);
  console.log("[setup] dependencies ready");
}

const npm = (args, env = process.env) => {
  console.log(`[setup] npm ${args.join(" ")}`);
  execFileSync("npm", args, { cwd: root, stdio: "inherit", env });
};
const quiet = ["--no-audit", "--no-fund"];

install();
const [command, ...args] = process.argv.slice(2);
if (command) {
  const child = spawn(command, args, { cwd: root, stdio: "inherit", env: projectNodeEnv });
  // Ctrl-C reaches the child through the terminal; wait for it to clean up and exit with it.
  for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => child.kill(signal));
  child.on("exit", (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
}
