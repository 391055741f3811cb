// Independent answers to "which CID would Kubo's `ipfs add` give these bytes?" (CIDv0, 256 KiB
// chunks, balanced DAG of 174 links, no raw leaves), none of them our importer:
// - published Kubo vectors, each with where it is printed;
// - ipfs-only-hash from npm (an older, separate importer line), set to Kubo's defaults;
// - Debian's ipfs_cid when it is installed (CI installs it; `npm test` passes without it).
import { execFileSync } from "node:child_process";
import { existsSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { delimiter, join } from "node:path";
import Hash from "ipfs-only-hash";
import { ignoreSystemTools } from "../../scripts/setup/resolveChromium.ts";

const text = (value: string) => new TextEncoder().encode(value);

// Each from Kubo's own repository: test/sharness/t0040-add-and-cat.sh asserts the first, third,
// fourth and fifth (`touch zero-length-file`, `echo "Hello Worlds!"`, `echo "Helloo Worlds!"`,
// `echo "IPFS" | ipfs add --stdin-name`); its README's "Some things to try" prints the second.
export const PUBLISHED_KUBO_VECTORS = [
  { name: "the empty file", bytes: new Uint8Array(0), cid: "QmbFMke1KXqnYyBBWxB74N4c5SBnJMVAiMNRcGu6x1AwQH" },
  { name: '"hello world\\n"', bytes: text("hello world\n"), cid: "QmT78zSuBmuS4z925WZfrqQ1qHaJ56DQaTfyMUF7F8ff5o" },
  { name: '"Hello Worlds!\\n"', bytes: text("Hello Worlds!\n"), cid: "QmVr26fY1tKyspEJBniVhqxQeEjhF78XerGiqWAwraVLQH" },
  { name: '"Helloo Worlds!\\n"', bytes: text("Helloo Worlds!\n"), cid: "Qmf35k66MZNW2GijohUmXQEWKZU4cCGTCwK6idfnt152wJ" },
  { name: '"IPFS\\n"', bytes: text("IPFS\n"), cid: "QmdFyxZXsFiP4csgfM5uPu99AvFiKH62CSPDw5TP92nr7w" },
];

/** ipfs-only-hash with every option set to Kubo's `ipfs add` defaults, not left to its own. */
export const ipfsOnlyHashCid = (bytes: Uint8Array) =>
  Hash.of(bytes, {
    cidVersion: 0,
    rawLeaves: false,
    chunker: "fixed",
    maxChunkSize: 262_144,
    strategy: "balanced",
    maxChildrenPerNode: 174,
  });

/** Debian's ipfs_cid on PATH, or null (also when TOPNFTPOST_IGNORE_SYSTEM_TOOLS=1). */
export function findDebianIpfsCid(env: NodeJS.ProcessEnv = process.env): string | null {
  if (ignoreSystemTools(env)) return null;
  const dirs = [...(env.PATH ?? "").split(delimiter), "/usr/bin"];
  return dirs.map((dir) => join(dir, "ipfs_cid")).find((path) => existsSync(path)) ?? null;
}

export function debianIpfsCid(executable: string, bytes: Uint8Array) {
  const dir = mkdtempSync(join(tmpdir(), "topnftpost-ipfs-cid-"));
  try {
    const file = join(dir, "input.bin");
    writeFileSync(file, bytes);
    return JSON.parse(execFileSync(executable, [file], { stdio: ["ignore", "pipe", "ignore"] }).toString()).CIDv0 as string;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
