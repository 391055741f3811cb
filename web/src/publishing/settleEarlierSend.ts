import type { Address, Hash, PublicClient } from "viem";
import { articleEditionsAbi } from "../generated/contracts.ts";

/** What became of a publish transaction that an earlier, interrupted run sent or was sending. */
export type EarlierSend =
  | { outcome: "published"; articleId: bigint; transactionHash: Hash; blockNumber: bigint }
  /** Nothing of it is on chain or waiting to be: it may be sent again. */
  | { outcome: "not-sent" };

export interface RecordedSend {
  sender: Address;
  nonce: number;
  fromBlock: bigint;
  transactionHash: Hash | null;
}

const POLL_MS = 1_000;

/** The ArticlePublished event of the transaction `sender` sent with `nonce`, if it was mined. */
async function minedPublish(publicClient: PublicClient, editions: Address, send: RecordedSend) {
  const events = await publicClient.getContractEvents({
    address: editions,
    abi: articleEditionsAbi,
    eventName: "ArticlePublished",
    args: { publisher: send.sender },
    fromBlock: send.fromBlock,
  });
  for (const event of events) {
    const transaction = await publicClient.getTransaction({ hash: event.transactionHash });
    if (transaction.nonce === send.nonce && transaction.from.toLowerCase() === send.sender.toLowerCase()) {
      return { articleId: event.args.articleId!, transactionHash: event.transactionHash, blockNumber: event.blockNumber };
    }
  }
  return null;
}

/**
 * Settles an earlier send by its account and nonce, not only its hash: the run may have died
 * before it heard the hash, or the transaction may have been replaced. While a transaction with
 * that nonce is pending it waits (saying so once), so a re-run never sends a second publish.
 */
export async function settleEarlierSend(
  publicClient: PublicClient,
  editions: Address,
  send: RecordedSend,
  onWait: (message: string) => void = () => {},
): Promise<EarlierSend> {
  let toldWaiting = false;
  for (;;) {
    const mined = await minedPublish(publicClient, editions, send);
    if (mined) return { outcome: "published", ...mined };
    const [latest, pending] = await Promise.all([
      publicClient.getTransactionCount({ address: send.sender, blockTag: "latest" }),
      publicClient.getTransactionCount({ address: send.sender, blockTag: "pending" }),
    ]);
    // Mined without a publish (reverted, or the nonce went to another transaction): nothing published.
    if (latest > send.nonce) return { outcome: "not-sent" };
    // Never reached the node, or dropped from its pool (a restarted chain forgets pending transactions).
    if (pending <= send.nonce) return { outcome: "not-sent" };
    if (!toldWaiting) {
      const which = send.transactionHash ?? `with nonce ${send.nonce} from ${send.sender}`;
      onWait(`The publish transaction ${which} sent before is still pending; waiting for it to be mined`);
      toldWaiting = true;
    }
    await new Promise((resolve) => setTimeout(resolve, POLL_MS));
  }
}
