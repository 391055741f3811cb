import "server-only";
import type { Address } from "viem";
import { articleEditionsAbi } from "@/generated/contracts.ts";
import { chainClient, publicationAddresses } from "./publication.ts";

// `canRead` at the latest block, asked fresh on every request: the block number is read each
// time, and the view's answer is remembered only for that block (the same call at the same block
// gives the same answer). A pass that expires, moves or sells shows up in the first request
// after the block that changed it. Reading the block number costs a node far less than running
// the view, which is what lets the gate serve hundreds of readers a second.
let block: { number: bigint; answers: Map<string, Promise<boolean>> } | undefined;

export async function canReadNow(reader: Address, articleId: bigint) {
  const number = await chainClient().getBlockNumber({ cacheTime: 0 });
  // A new block, or (on a quiet chain) too many readers in one: start over.
  if (!block || block.number !== number || block.answers.size > 50_000) block = { number, answers: new Map() };
  const key = `${reader}:${articleId}`;
  let answer = block.answers.get(key);
  if (!answer) {
    const answers = block.answers;
    answer = chainClient().readContract({
      address: publicationAddresses().editions,
      abi: articleEditionsAbi,
      functionName: "canRead",
      args: [reader, articleId],
      blockNumber: number,
    });
    answers.set(key, answer);
    answer.catch(() => answers.delete(key));
  }
  return answer;
}
