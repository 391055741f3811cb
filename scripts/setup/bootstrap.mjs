// `node scripts/setup/bootstrap.mjs [command ...]`: makes what any command needs when it is
// missing or stale (npm dependencies, compiled contracts, web/src/generated/contracts.ts), then
// runs the command with the project's own Node 22 first on PATH.
// Plain JavaScript on purpose: on a fresh machine this runs on the system's Node (maybe 20),
// before the project's Node 22 (the `node` npm package) exists.
//
// Why Node 22 comes first, on its own: npm running on Node 20 warns about every package whose
// engines want Node 22 (dozens of EBADENGINE lines) and silently skips optional native packages
// that need it (Hardhat's `@nomicfoundation/edr-linux-x64-gnu`). So the `node` package alone is
// installed into a cache folder (seconds), and the one full install runs on it.
import { execFileSync, spawn, spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const started = Date.now();
const root = resolve(dirname(fileURLToPath(import.meta.url)), "../..");
const bin = join(root, "node_modules", ".bin");
const installMarker = join(root, "node_modules", ".topnftpost-install");
const generatedMarker = join(root, "node_modules", ".topnftpost-generated");
const generatedFile = join(root, "web", "src", "generated", "contracts.ts");
const seconds = () => `${Math.round((Date.now() - started) / 1000)} s`;
const log = (line) => console.log(`[setup] ${line}`);

const lockHash = hashOf([join(root, "package-lock.json"), join(root, "package.json")]);
const withNodeFirst = (nodeBin) => ({ ...process.env, PATH: `${nodeBin}:${process.env.PATH}` });
// npm puts the directory of the Node running it first on a script's PATH, so scripts must be
// started by an npm that itself runs on Node 22: this PATH makes `env node` find it.
const projectNodeEnv = withNodeFirst(bin);

function hashOf(files) {
  const hash = createHash("sha256");
  for (const file of files) hash.update(relative(root, file)).update(readFileSync(file));
  return hash.digest("hex");
}

const filesUnder = (dir, keep) =>
  existsSync(dir)
    ? readdirSync(dir, { withFileTypes: true, recursive: true })
        .filter((entry) => entry.isFile() && keep(entry.name))
        .map((entry) => join(entry.parentPath, entry.name))
        .sort()
    : [];

// npm's own summary goes to stdout and is dropped; its errors still reach stderr.
const npm = (args, env, cwd) =>
  execFileSync("npm", [...args, "--no-audit", "--no-fund", "--loglevel=error"], { cwd, env, stdio: ["inherit", "ignore", "inherit"] });

/** Node 22 from the npm registry, in a cache folder outside node_modules (which `npm ci` wipes). */
function cachedProjectNode() {
  const version = JSON.parse(readFileSync(join(root, "package-lock.json"), "utf8")).packages["node_modules/node"].version;
  const home = join(tmpdir(), `topnftpost-node-${version}`);
  const nodeBin = join(home, "node_modules", ".bin");
  if (existsSync(join(nodeBin, "node"))) return nodeBin;
  log(`fetching Node ${version} from the npm registry`);
  // Installed aside and moved in whole, so a second checkout installing at the same time is harmless.
  const scratch = mkdtempSync(`${home}-`);
  writeFileSync(join(scratch, "package.json"), JSON.stringify({ private: true, allowScripts: { node: true } }));
  npm(["install", `node@${version}`], process.env, scratch);
  try {
    renameSync(scratch, home);
  } catch {
    rmSync(scratch, { recursive: true, force: true });
  }
  return nodeBin;
}

function install() {
  if (existsSync(installMarker) && readFileSync(installMarker, "utf8") === lockHash && existsSync(join(bin, "node"))) return;
  const nodeBin = existsSync(join(bin, "node")) ? bin : cachedProjectNode();
  const fresh = !existsSync(join(root, "node_modules"));
  log(fresh ? "installing npm packages (about 2 minutes the first time)" : "package-lock.json changed: updating npm packages");
  npm([fresh ? "ci" : "install"], withNodeFirst(nodeBin));
  if (!existsSync(join(bin, "node"))) throw new Error("[setup] the `node` npm package did not install its binary");
  writeFileSync(installMarker, lockHash);
  log(`npm packages ready (${seconds()})`);
}

// The compiler's warnings about OpenZeppelin's sources are no news to a newcomer: output only on failure.
function quietly(command, args) {
  const result = spawnSync(command, args, { cwd: root, env: projectNodeEnv, encoding: "utf8" });
  if (result.status === 0) return;
  process.stderr.write(`${result.stdout}${result.stderr}`);
  throw new Error(`[setup] ${relative(root, command)} ${args.join(" ")} failed`);
}

/** Compiled contracts and their generated TypeScript, remade when a contract or deployment changed. */
function generate() {
  const inputs = [
    ...filesUnder(join(root, "contracts"), (name) => name.endsWith(".sol")),
    ...filesUnder(join(root, "deployments"), (name) => name.endsWith(".json")),
    join(root, "hardhat.config.ts"),
    join(root, "scripts", "generate", "writeContractsFile.ts"),
  ];
  const inputsHash = `${lockHash}:${hashOf(inputs)}`;
  if (existsSync(generatedFile) && existsSync(generatedMarker) && readFileSync(generatedMarker, "utf8") === inputsHash) return;
  log("compiling contracts and writing web/src/generated/contracts.ts");
  quietly(join(bin, "hardhat"), ["build", "--quiet"]);
  quietly(join(bin, "node"), [join(root, "scripts", "generate", "writeContractsFile.ts")]);
  writeFileSync(generatedMarker, inputsHash);
}

install();
generate();
const [command, ...args] = process.argv.slice(2);
if (command) {
  // The stack prints how long the whole first start took, setup included.
  const child = spawn(command, args, {
    cwd: root,
    stdio: "inherit",
    env: { ...projectNodeEnv, TOPNFTPOST_SETUP_STARTED: String(started) },
  });
  // Ctrl-C reaches the child through the terminal; wait for it to clean up and exit with it.
  for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => child.kill(signal));
  child.on("exit", (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
}
