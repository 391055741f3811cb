import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { pseudoRandomBytes, startTestIpfs } from "../helpers/embeddedIpfs.ts";
import { debianIpfsCid, findDebianIpfsCid, ipfsOnlyHashCid, PUBLISHED_KUBO_VECTORS } from "../helpers/kuboCidReferences.ts";

let ipfs: Awaited<ReturnType<typeof startTestIpfs>>;
beforeAll(async () => {
  // Room for a file past one level of the balanced DAG (174 chunks of 256 KiB is 45.6 MB).
  ipfs = await startTestIpfs(undefined, { IPFS_MAX_UPLOAD_MB: "64" });
});
afterAll(() => ipfs?.stop());

// Debian's ipfs_cid joins the references whenever it is installed; the test names say whether it ran.
const debian = findDebianIpfsCid();
const references = debian ? "ipfs-only-hash and Debian's ipfs_cid" : "ipfs-only-hash (Debian's ipfs_cid is not installed)";

describe("embedded IPFS node: the CIDs Kubo's `ipfs add` gives", () => {
  it.each(PUBLISHED_KUBO_VECTORS)("gives Kubo's published CID for $name, as ipfs-only-hash does", async ({ bytes, cid }) => {
    expect((await ipfs.client.add(bytes)).cid.toString()).toBe(cid);
    expect(await ipfsOnlyHashCid(bytes)).toBe(cid);
  });

  it.each([
    ["13-byte", 13],
    ["one-chunk (256 KiB)", 262_144],
    ["1 MB", 1_000_000],
    // Over 174 chunks: the balanced DAG needs a second level of links.
    ["50 MB", 50 * 1_000_000],
  ])(`gives the CID of ${references} for a %s file`, async (_label, size) => {
    const bytes = pseudoRandomBytes(size, size);
    const ours = (await ipfs.client.add(bytes)).cid.toString();
    expect(ours).toBe(await ipfsOnlyHashCid(bytes));
    if (debian) expect(ours).toBe(debianIpfsCid(debian, bytes));
  });
});
