import { request } from "node:http";
import { readdirSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { newDataDir, pseudoRandomBytes, readAll, startTestIpfs } from "../helpers/embeddedIpfs.ts";

// Unpinned blocks (an aborted upload, content added without a pin) are collected on request and
// at the node's start; pinned content never is.

const filesUnder = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? filesUnder(join(dir, entry.name)) : [join(dir, entry.name)],
  );
const blockFiles = (dataDir: string) => filesUnder(join(dataDir, "blocks")).length;
const gc = async (apiUrl: string) => {
  const response = await fetch(`${apiUrl}/api/v0/repo/gc`, { method: "POST" });
  expect(response.status).toBe(200);
  return (await response.text())
    .split("\n")
    .filter(Boolean)
    .map((line) => JSON.parse(line) as { Key: { "/": string } });
};

/** Starts a multipart upload of `total` bytes, sends `sent` of them, then drops the connection once the node has stored them. */
async function abortedUpload(apiUrl: string, dataDir: string, total: number, sent: number) {
  const boundary = "topnftpost-aborted-upload";
  const head = Buffer.from(
    `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="big.bin"\r\nContent-Type: application/octet-stream\r\n\r\n`,
  );
  const upload = request(`${apiUrl}/api/v0/add?pin=true`, {
    method: "POST",
    headers: {
      "content-type": `multipart/form-data; boundary=${boundary}`,
      "content-length": String(head.length + total + boundary.length + 8),
    },
  });
  upload.on("error", () => {}); // the drop below is the point
  upload.write(head);
  for (let megabyte = 0; megabyte * 1024 * 1024 < sent; megabyte++) {
    // A new seed per megabyte: repeated bytes would be the same blocks, stored once.
    const chunk = pseudoRandomBytes(1024 * 1024, 100 + megabyte + Math.floor(Math.random() * 1e6));
    await new Promise<void>((resolve) => upload.write(chunk, () => resolve()));
  }
  // Wait until the node has imported what arrived (the block count stops growing), then drop.
  let count = -1;
  for (let polls = 0; polls < 40 && blockFiles(dataDir) !== count; polls++) {
    count = blockFiles(dataDir);
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  upload.destroy();
  await new Promise((resolve) => setTimeout(resolve, 500));
}

describe("embedded IPFS node: garbage collection", () => {
  it("collects content added without a pin and keeps every pinned file readable", async () => {
    const ipfs = await startTestIpfs();
    try {
      const pinned = await ipfs.client.add(pseudoRandomBytes(600_000, 1));
      const loose = await ipfs.client.add(pseudoRandomBytes(600_000, 2), { pin: false });
      const removed = await gc(ipfs.apiUrl);
      expect(removed.map((entry) => entry.Key["/"])).toContain(loose.cid.toString());
      expect(removed.map((entry) => entry.Key["/"])).not.toContain(pinned.cid.toString());
      expect(Buffer.compare(await readAll(ipfs.client.cat(pinned.cid)), Buffer.from(pseudoRandomBytes(600_000, 1)))).toBe(0);
      await expect(readAll(ipfs.client.cat(loose.cid))).rejects.toThrow(/not found/);
      expect(await gc(ipfs.apiUrl)).toEqual([]); // nothing left to collect
    } finally {
      await ipfs.stop();
    }
  });

  it("takes away what an aborted 20 MB upload left, on request and at the next start", async () => {
    const dataDir = newDataDir();
    let ipfs = await startTestIpfs(dataDir, { IPFS_MAX_UPLOAD_MB: "25" });
    const pinned = await ipfs.client.add(pseudoRandomBytes(300_000, 5));
    const before = blockFiles(dataDir);
    await abortedUpload(ipfs.apiUrl, dataDir, 20 * 1024 * 1024, 8 * 1024 * 1024);
    const afterAbort = blockFiles(dataDir);
    expect(afterAbort).toBeGreaterThan(before + 10); // megabytes of orphan blocks on disk
    expect((await gc(ipfs.apiUrl)).length).toBe(afterAbort - before);
    expect(blockFiles(dataDir)).toBe(before);

    // Again, but the node stops before anyone asks: its next start collects.
    await abortedUpload(ipfs.apiUrl, dataDir, 20 * 1024 * 1024, 8 * 1024 * 1024);
    expect(blockFiles(dataDir)).toBeGreaterThan(before + 10);
    await ipfs.stop();
    ipfs = await startTestIpfs(dataDir, { IPFS_MAX_UPLOAD_MB: "25" });
    try {
      expect(ipfs.collectedAtStart).toBeGreaterThan(10);
      expect(blockFiles(dataDir)).toBe(before);
      expect(Buffer.compare(await readAll(ipfs.client.cat(pinned.cid)), Buffer.from(pseudoRandomBytes(300_000, 5)))).toBe(0);
    } finally {
      await ipfs.stop();
    }
  });
});
