import type { Kysely } from "kysely";
import type { Account, Address, Hash, WalletClient } from "viem";
import type { Database } from "../../db/schema.ts";
import { type ChainReader, checkVote } from "./checkVote.ts";
import type { RelayLimits } from "./relayConfig.ts";
import { claimVote, findVote, markDropped, markSent, markSettled, type RelayedVote, ballotKey } from "./relayStore.ts";
import { withRelayerLock } from "./relaySender.ts";
import { countClientRequest, countVoterRequest, type RateVerdict } from "./rateLimits.ts";
import { isRefusal, type Refusal, refusal } from "./refusal.ts";
import { parseVoteRequest } from "./voteRequest.ts";

/** What the relay needs; one per web server, or several in a test standing in for several servers. */
export interface VoteRelay {
  db: Kysely<Database>;
  publicClient: ChainReader;
  /** Signs and sends as `relayer`. */
  walletClient: WalletClient;
  relayer: Account;
  chainId: number;
  /** Undefined where the chain has no coverage DAO. */
  governor: Address | undefined;
  minBalance: bigint;
  /** The most gas one relayed vote may cost the relayer (a voter's contract wallet decides what its signature check costs). */
  maxGas: bigint;
  limits: RelayLimits;
  /** How long a sent vote's transaction may be unknown to the chain before it counts as dropped (default 60 s). */
  droppedAfterSeconds?: number;
}

const DROPPED_AFTER_SECONDS = 60;

/** The progress the page polls. */
export interface VoteProgress {
  id: string;
  state: RelayedVote["state"];
  proposalId: string;
  voter: string;
  transactionHash: Hash | null;
  failure: string | null;
}

export type RelayAnswer = { status: number; body: VoteProgress | { error: Refusal }; headers?: Record<string, string> };

const progressOf = (vote: RelayedVote): VoteProgress => ({
  id: vote.id,
  state: vote.state,
  proposalId: vote.proposal_id,
  voter: vote.voter,
  transactionHash: (vote.transaction_hash as Hash | null) ?? null,
  failure: vote.failure,
});

const refused = (why: Refusal, headers?: Record<string, string>) => ({ status: why.status, body: { error: why }, headers });

const limited = (rate: RateVerdict) =>
  refused(
    refusal(429, rate.by === "address" ? "relay.rateLimitedAddress" : "relay.rateLimitedIp", {
      minutes: Math.ceil(rate.retryAfterSeconds / 60),
    }),
    {
      "Retry-After": String(rate.retryAfterSeconds),
    },
  );

/**
 * Sends a member's signed vote, paying its gas, once every check has passed: at most one vote per
 * member and proposal (claimed in the database before it is sent), within the request limits, while
 * the relayer holds enough to pay. Anything refused costs the relayer nothing. Answers 202 with the
 * vote's progress once its transaction is out; `voteProgress` follows it to its block.
 */
export async function relayVote(relay: VoteRelay, request: { body: unknown; ip: string }): Promise<RelayAnswer> {
  const { db, publicClient, relayer, governor } = relay;
  if (!governor) return refused(refusal(503, "relay.notConfigured"));
  const parsed = parseVoteRequest(request.body);
  if (isRefusal(parsed)) return refused(parsed);
  const { ballot, signature } = parsed;
  try {
    const byClient = await countClientRequest(db, relay.limits, request.ip);
    if (!byClient.allowed) return limited(byClient);
    if ((await publicClient.getBalance({ address: relayer.address })) < relay.minBalance) return refused(refusal(503, "relay.lowBalance"));
    const checked = await checkVote(publicClient, governor, relayer, ballot, signature, relay.maxGas);
    if (isRefusal(checked)) return refused(checked);
    // Counted only now that the simulation showed the voter signed it (anyone can name an address).
    const byVoter = await countVoterRequest(db, relay.limits, ballot.voter);
    if (!byVoter.allowed) return limited(byVoter);

    const claim = await claimVote(db, ballotKey(relay.chainId, governor, ballot), ballot, signature);
    if (!claim.claimed) return { status: 409, body: { ...progressOf(claim.vote), error: refusal(409, "relay.alreadyRelayed") } };
    const { id } = claim.vote;
    let hash: Hash;
    try {
      hash = await withRelayerLock(db, relayer.address, async () => {
        // The nonce is read under the lock, so two servers never give two votes the same one; the
        // gas is estimated again, so a vote cast meanwhile is not sent, and sent as the gas limit,
        // so the transaction can never cost more than the cap it was checked against.
        const nonce = await publicClient.getTransactionCount({ address: relayer.address, blockTag: "pending" });
        const gas = await publicClient.estimateGas({ account: relayer, to: governor, data: checked.data });
        if (gas > relay.maxGas) throw new Error(`the vote now needs ${gas} gas, over the relay's cap of ${relay.maxGas}`);
        const sent = await relay.walletClient.sendTransaction({
          account: relayer,
          chain: null,
          to: governor,
          data: checked.data,
          nonce,
          gas,
        });
        await markSent(db, id, relayer.address, sent);
        return sent;
      });
    } catch (error) {
      const reason = (error as { shortMessage?: string }).shortMessage ?? (error as Error).message;
      await markSettled(db, id, { state: "failed", failure: reason });
      return refused(refusal(502, "relay.sendFailed", { reason }));
    }
    // Followed in the background; any server also settles it when the page asks (voteProgress).
    void followVote(relay, id, hash).catch(() => {});
    return { status: 202, body: { ...progressOf(claim.vote), state: "sent", transactionHash: hash } };
  } catch (error) {
    console.error(`Vote relay: ${(error as Error).message}`);
    return refused(refusal(503, "relay.unavailable"));
  }
}

async function followVote(relay: VoteRelay, id: string, hash: Hash) {
  const receipt = await relay.publicClient.waitForTransactionReceipt({ hash });
  await markSettled(relay.db, id, receipt.status === "success" ? { state: "confirmed" } : { state: "failed", failure: "reverted" });
}

/** A relayed vote's progress; a sent one is looked up on chain, so whichever server is asked can settle it. */
export async function voteProgress(relay: VoteRelay, id: string): Promise<VoteProgress | null> {
  if (!/^[0-9a-f-]{36}$/.test(id)) return null;
  const vote = await findVote(relay.db, id);
  if (!vote) return null;
  if (vote.state === "sent" && vote.transaction_hash) {
    const receipt = await relay.publicClient.getTransactionReceipt({ hash: vote.transaction_hash as Hash }).catch(() => null);
    if (receipt) {
      await markSettled(relay.db, id, receipt.status === "success" ? { state: "confirmed" } : { state: "failed", failure: "reverted" });
      return progressOf((await findVote(relay.db, id))!);
    }
    const unknown = await relay.publicClient.getTransaction({ hash: vote.transaction_hash as Hash }).then(
      () => false,
      (error: Error) => error.name === "TransactionNotFoundError",
    );
    if (unknown) {
      await markDropped(relay.db, id, relay.droppedAfterSeconds ?? DROPPED_AFTER_SECONDS);
      return progressOf((await findVote(relay.db, id))!);
    }
  }
  return progressOf(vote);
}
