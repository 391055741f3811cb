// A commission's topic on chain is 32 bytes: the SHA-256 digest inside the CIDv0 of its Markdown
// (`Qm...` is base58 of 0x12 0x20 and the digest). The governor stores a proposal's calldata at
// 22,100 gas a word, and the digest is three words shorter than the CID string. Pages, seeds and
// the index still speak CIDs: these two functions convert at the contract's edge.
import { CID } from "multiformats/cid";
import * as Digest from "multiformats/hashes/digest";
import { sha256 } from "multiformats/hashes/sha2";
import { bytesToHex, type Hex, hexToBytes } from "viem";

const DAG_PB = 0x70;

/** The on-chain topic of a Markdown stored as `cid` (a CIDv0, or a dag-pb sha2-256 CIDv1). */
export function topicOfCid(cid: string): Hex {
  let parsed: CID;
  try {
    parsed = CID.parse(cid);
  } catch {
    throw new Error(`Not a CID: ${cid}`);
  }
  if (parsed.code !== DAG_PB || parsed.multihash.code !== sha256.code) {
    throw new Error(`A commission topic must be a CIDv0 (dag-pb, sha2-256) file: ${cid}`);
  }
  return bytesToHex(parsed.multihash.digest);
}

/** The CIDv0 of a commission's topic as recorded on chain. */
export function cidOfTopic(topic: Hex): string {
  return CID.createV0(Digest.create(sha256.code, hexToBytes(topic))).toString();
}
