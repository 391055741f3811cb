import { zeroAddress } from "viem";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createArticleReader, MAX_PREVIEW_BYTES } from "../../web/src/content/createArticleReader.ts";
import { newMasterKey } from "../../web/src/content/masterKey.ts";
import { startTestIpfs } from "../helpers/embeddedIpfs.ts";

// A proposal's description is read by the CID its proposer put on chain (any member over the
// threshold, straight to the governor): the server must not load whatever size that names.

let ipfs: Awaited<ReturnType<typeof startTestIpfs>>;
beforeAll(async () => {
  ipfs = await startTestIpfs();
});
afterAll(() => ipfs?.stop());

const reader = () => {
  const key = newMasterKey();
  return createArticleReader({
    publicClient: { readContract: async () => Promise.reject(new Error("not asked")) },
    chainId: 31337,
    editions: zeroAddress,
    keyring: { current: key, all: [key] },
    gateway: { gatewayUrl: ipfs.gatewayUrl, timeoutMs: 10_000 },
  });
};

describe("free previews and proposal descriptions by CID", () => {
  it("reads one of a reasonable size, and refuses one over the limit without keeping it", async () => {
    const text = "# 부산 취재\n\nA description of a sensible size.\n";
    const small = await ipfs.client.add(text, { cidVersion: 0, pin: true });
    expect(await reader().previewByCid(small.cid.toString())).toBe(text);

    const huge = await ipfs.client.add("가".repeat(Math.ceil(MAX_PREVIEW_BYTES / 3) + 1), { cidVersion: 0, pin: true });
    const read = reader();
    await expect(read.previewByCid(huge.cid.toString())).rejects.toMatchObject({ name: "ContentError", code: "integrity" });
    await expect(read.previewByCid(huge.cid.toString())).rejects.toThrow(/more than the \d+ allowed/);
  });
});
