import { encodeFunctionData } from "viem";
import { describe, expect, it } from "vitest";
import { cidOfTopic, topicOfCid } from "../../web/src/dao/commissionTopic.ts";
import { describeAction } from "../../web/src/dao/describeAction.ts";
import { coverageDeskAbi, type Deployment } from "../../web/src/generated/contracts.ts";

// The desk records a commission's topic as the 32-byte digest inside its CIDv0; the pages and the
// index must get the very CID the proposer stored back, or the topic's title and link are lost.

const CID = "QmYwAPJzv5CZsnA625s3Xf2nemtYgPpHdWEz79ojWnPbdG";

describe("commission topics", () => {
  it("round-trips a CIDv0 through the 32 bytes the desk records", () => {
    const topic = topicOfCid(CID);
    expect(topic).toMatch(/^0x[0-9a-f]{64}$/);
    expect(cidOfTopic(topic)).toBe(CID);
  });

  it("accepts the CIDv1 of the same dag-pb file and gives back its CIDv0", () => {
    const v1 = "bafybeie5nqv6kd3qnfjupgvz34woh3oksc3iau6abmyajn7qvtf6d2ho34";
    expect(cidOfTopic(topicOfCid(v1))).toBe(CID);
  });

  it("refuses what cannot be rebuilt: a raw-leaf CIDv1 or not a CID at all", () => {
    expect(() => topicOfCid("bafkreigh2akiscaildcqabsyg3dfr6chu3fgpregiymsck7e7aqa4s52zy")).toThrow(/CIDv0/);
    expect(() => topicOfCid("Busan Blockchain Week")).toThrow(/Not a CID/);
  });

  it("shows a proposal's commission with the topic's CID", () => {
    const desk = "0x5FbDB2315678afecb367f032d93F642f64180aa3";
    const calldata = encodeFunctionData({ abi: coverageDeskAbi, functionName: "commission", args: [topicOfCid(CID), 5n, 1_900_000_000] });
    const deployed = { CoverageDesk: { address: desk }, MembershipPass: { address: desk }, ArticleEditions: { address: desk } };
    expect(describeAction({ target: desk, value: "5", calldata }, deployed as unknown as Deployment)).toEqual({
      kind: "commission",
      topicCid: CID,
      bounty: 5n,
      deadline: 1_900_000_000,
    });
  });
});
