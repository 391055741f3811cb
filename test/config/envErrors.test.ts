import { describe, expect, it } from "vitest";
import { ipfsConfig } from "../../scripts/ipfs/ipfsConfig.ts";
import { publicationSettings } from "../../scripts/deploy/publicationSettings.ts";
import { loadMasterKeyring } from "../../web/src/content/loadMasterKeyring.ts";
import { ipfsEndpoints } from "../../web/src/ipfs/ipfsEndpoints.ts";

const ACCOUNTS = ["0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266", "0x70997970C51812dc3A010C7d01b50e0d17dc79C8"] as const;

// Every setting goes through one reader: a bad value stops the command with the variable's name
// and what is wrong with it, and an unset or empty one takes the default the README gives.
describe("settings from the environment", () => {
  it.each([
    [
      "the IPFS endpoints",
      () => ipfsEndpoints({ IPFS_TIMEOUT_MS: "soon" }),
      "IPFS_TIMEOUT_MS: must be a positive whole number of milliseconds",
    ],
    ["the IPFS endpoints", () => ipfsEndpoints({ IPFS_API_URL: "localhost 5001" }), "IPFS_API_URL: must be a URL"],
    ["the IPFS node", () => ipfsConfig({ IPFS_API_PORT: "70000" }), "IPFS_API_PORT: must be a port number"],
    ["the IPFS node", () => ipfsConfig({ IPFS_MAX_UPLOAD_MB: "-1" }), "IPFS_MAX_UPLOAD_MB: must be a positive number of megabytes"],
    [
      "the deploy",
      () => publicationSettings({ PASS_REFERRAL_BPS: "12.5" }, 31337, ACCOUNTS),
      "PASS_REFERRAL_BPS: must be whole basis points",
    ],
    [
      "the deploy",
      () => publicationSettings({ PUBLICATION_TREASURY: "0x123" }, 31337, ACCOUNTS),
      "PUBLICATION_TREASURY: is not an address",
    ],
    ["the deploy", () => publicationSettings({}, 8217, ACCOUNTS), "PUBLICATION_TREASURY: required on this network"],
  ])("%s: a bad value names its variable (%#)", (_what, read, message) => {
    expect(read).toThrow(message);
  });

  it("names a bad master key variable", async () => {
    await expect(loadMasterKeyring(8217, { CONTENT_MASTER_KEY_PREVIOUS: "not-a-key" })).rejects.toThrow(
      "CONTENT_MASTER_KEY_PREVIOUS: must be 32 bytes",
    );
  });

  it("lists every bad variable at once", () => {
    expect(() => ipfsConfig({ IPFS_API_PORT: "x", IPFS_GATEWAY_PORT: "-1" })).toThrow(/IPFS_API_PORT: .*; IPFS_GATEWAY_PORT: /);
  });

  it("takes the README's defaults when a variable is unset or empty", () => {
    expect(ipfsEndpoints({ IPFS_TIMEOUT_MS: "" })).toEqual({
      apiUrl: "http://127.0.0.1:5001",
      gateway: { gatewayUrl: "http://127.0.0.1:8080", timeoutMs: 5_000 },
    });
    expect(ipfsConfig({})).toMatchObject({
      apiPort: 5001,
      gatewayPort: 8080,
      swarmPort: 4001,
      fetchTimeoutMs: 5_000,
      maxUploadBytes: 20 * 1024 * 1024,
    });
    expect(publicationSettings({}, 31337, ACCOUNTS)).toMatchObject({
      admin: ACCOUNTS[0],
      treasury: ACCOUNTS[1],
      passReferralBps: 1_000,
      passRoyaltyBps: 500n,
    });
  });
});
