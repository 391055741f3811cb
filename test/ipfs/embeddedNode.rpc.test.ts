import { readdirSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { newDataDir, pseudoRandomBytes, readAll, startTestIpfs, toArray } from "../helpers/embeddedIpfs.ts";

const filesUnder = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? filesUnder(join(dir, entry.name)) : [join(dir, entry.name)],
  );

let ipfs: Awaited<ReturnType<typeof startTestIpfs>>;
beforeAll(async () => {
  ipfs = await startTestIpfs();
});
afterAll(() => ipfs?.stop());

describe("embedded IPFS node: Kubo RPC API through kubo-rpc-client", () => {
  it("adds, pins and cats content", async () => {
    const text = "인천 유니버스: Incheon courts Web3";
    const added = await ipfs.client.add(text);
    expect(added.cid.toString()).toMatch(/^Qm/);
    expect(Buffer.from(await readAll(ipfs.client.cat(added.cid))).toString()).toBe(text);
    const pins = [];
    for await (const pin of ipfs.client.pin.ls()) pins.push(pin.cid.toString());
    expect(pins).toContain(added.cid.toString());
  });

  it("reports Kubo's cumulative DAG size, wrapping included", async () => {
    // `echo "hello world" | ipfs add` gives this CID, and `ipfs object stat` a cumulative size of 20.
    const added = await ipfs.client.add(new TextEncoder().encode("hello world\n"));
    expect(added.cid.toString()).toBe("QmT78zSuBmuS4z925WZfrqQ1qHaJ56DQaTfyMUF7F8ff5o");
    expect(added.size).toBe(20);
  });

  it("reports upload progress and honours cid-version and raw-leaves", async () => {
    const bytes = pseudoRandomBytes(600_000, 7);
    const progress: number[] = [];
    const v0 = await ipfs.client.add(bytes, { progress: (n) => progress.push(n) });
    const v1 = await ipfs.client.add(bytes, { cidVersion: 1 });
    const v1Wrapped = await ipfs.client.add(bytes, { cidVersion: 1, rawLeaves: false });
    expect(progress.at(-1)).toBe(bytes.length);
    expect(v0.cid.version).toBe(0);
    expect(v1.cid.version).toBe(1);
    expect(v1.cid.toString()).not.toBe(v1Wrapped.cid.toString());
    expect(Buffer.compare(await readAll(ipfs.client.cat(v1.cid)), Buffer.from(bytes))).toBe(0);
  });

  it("pins on request and lists a pin by CID", async () => {
    const added = await ipfs.client.add("pin me later", { pin: false });
    await expect(toArray(ipfs.client.pin.ls({ paths: [added.cid] }))).rejects.toThrow(/not pinned/);
    const pinned = await ipfs.client.pin.add(added.cid);
    expect(pinned.toString()).toBe(added.cid.toString());
    const listed = [];
    for await (const pin of ipfs.client.pin.ls({ paths: [added.cid] })) listed.push(pin.cid.toString());
    expect(listed).toEqual([added.cid.toString()]);
  });

  it("unpins on request, and says so when the CID was not pinned", async () => {
    const added = await ipfs.client.add("pinned, then abandoned");
    expect((await ipfs.client.pin.rm(added.cid)).toString()).toBe(added.cid.toString());
    await expect(toArray(ipfs.client.pin.ls({ paths: [added.cid] }))).rejects.toThrow(/not pinned/);
    await expect(ipfs.client.pin.rm(added.cid)).rejects.toThrow(/not pinned/);
  });

  it("answers id and version in Kubo's shape", async () => {
    const id = await ipfs.client.id();
    expect(id.id.toString()).toMatch(/^12D3Koo/);
    expect(id.addresses.map(String).every((a) => a.startsWith("/ip4/127.0.0.1/"))).toBe(true);
    const version = await ipfs.client.version();
    expect(version.version).toMatch(/^helia-\d+\.\d+/);
  });

  it("serves content read-only on the /ipfs/<cid> gateway", async () => {
    const added = await ipfs.client.add("<svg xmlns='http://www.w3.org/2000/svg'></svg>");
    const response = await fetch(`${ipfs.gatewayUrl}/ipfs/${added.cid}`);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("image/svg+xml");
    expect(response.headers.get("cache-control")).toContain("immutable");
    expect(await response.text()).toContain("<svg");
    expect((await fetch(`${ipfs.gatewayUrl}/ipfs/${added.cid}`, { method: "POST" })).status).toBe(405);
  });
});

describe("embedded IPFS node: bad input", () => {
  it("rejects a malformed CID with 400 and a clear message", async () => {
    await expect(readAll(ipfs.client.cat("not-a-cid"))).rejects.toThrow(/invalid CID "not-a-cid"/);
    const response = await fetch(`${ipfs.gatewayUrl}/ipfs/not-a-cid`);
    expect(response.status).toBe(400);
  });

  it("answers an unknown CID with 404 instead of hanging", async () => {
    const unknown = "QmQZwsmmM8BFiie96NKEioXWHGpzepoMDn5BQnCMqTu8nX";
    const response = await fetch(`${ipfs.apiUrl}/api/v0/cat?arg=${unknown}`, { method: "POST" });
    expect(response.status).toBe(404);
    expect((await response.json()).Message).toMatch(/not found/);
    expect((await fetch(`${ipfs.gatewayUrl}/ipfs/${unknown}`)).status).toBe(404);
  });

  it("refuses uploads over the limit with 413 and pins nothing of them", async () => {
    const small = await startTestIpfs(newDataDir(), { IPFS_MAX_UPLOAD_MB: "1" });
    try {
      await expect(small.client.add(pseudoRandomBytes(1_200_000, 3))).rejects.toThrow(/exceeds the 1 MB limit/);
      // Just over the limit: refused during the import, after blocks were written; they go again.
      const blocksBefore = filesUnder(join(small.dataDir, "blocks")).length;
      await expect(small.client.add(pseudoRandomBytes(1024 * 1024 + 20_000, 4))).rejects.toThrow(/exceeds the 1 MB limit/);
      expect(filesUnder(join(small.dataDir, "blocks")).length).toBe(blocksBefore);
      const pins = [];
      for await (const pin of small.client.pin.ls()) pins.push(pin);
      expect(pins).toEqual([]);
    } finally {
      await small.stop();
    }
  });
});
