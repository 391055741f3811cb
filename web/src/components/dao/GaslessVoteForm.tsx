"use client";
import { type FormEvent, useEffect, useRef, useState } from "react";
import type { Address } from "viem";
import { useConfig, useConnection, useSignTypedData } from "wagmi";
import { readContract } from "wagmi/actions";
import { castVote } from "@/contracts/writes.ts";
import { ballotTypedData, MAX_REASON_LENGTH, VOTE_SUPPORT, type VoteSupport } from "@/dao/relay/ballot.ts";
import { followRelayedVote, postSignedVote } from "@/dao/relay/relayClient.ts";
import type { VoteProgress } from "@/dao/relay/relayVote.ts";
import { coverageGovernorAbi } from "@/generated/contracts.ts";
import { format, type Locale, MESSAGES } from "@/i18n/messages.ts";
import { explorerTxUrl } from "@/wallet/chains.ts";
import { describeError } from "@/wallet/describeError.ts";
import { TxButton } from "@/wallet/TxButton.tsx";

type Step =
  | { step: "idle" }
  | { step: "signing" }
  | { step: "relayed"; progress: VoteProgress }
  | { step: "refused"; message: string; progress?: VoteProgress };

const CHOICES = [
  { support: VOTE_SUPPORT.for, key: "vote.for" },
  { support: VOTE_SUPPORT.against, key: "vote.against" },
  { support: VOTE_SUPPORT.abstain, key: "vote.abstain" },
] as const;

/**
 * A member's vote on one proposal: For, Against or Abstain with an optional reason, signed in the
 * wallet (no fee) and sent by the relay, whose progress it follows; or, as the member prefers, sent
 * as their own transaction. Render it inside the wallet root (connected, on the right network).
 */
export function GaslessVoteForm(props: { governor: Address; proposalId: bigint | string; locale: Locale; onVoted?: () => void }) {
  const t = MESSAGES[props.locale];
  const config = useConfig();
  const { address } = useConnection();
  const { mutateAsync: signTypedData } = useSignTypedData();
  const [support, setSupport] = useState<VoteSupport>(VOTE_SUPPORT.for);
  const [reason, setReason] = useState("");
  const [state, setState] = useState<Step>({ step: "idle" });
  const following = useRef<AbortController | null>(null);
  const proposalId = BigInt(props.proposalId);
  const { onVoted } = props;

  useEffect(() => () => following.current?.abort(), []);

  function follow(progress: VoteProgress) {
    setState({ step: "relayed", progress });
    following.current?.abort();
    const controller = new AbortController();
    following.current = controller;
    void followRelayedVote(
      progress.id,
      (next) => {
        setState({ step: "relayed", progress: next });
        if (next.state === "confirmed") onVoted?.();
      },
      controller.signal,
    );
  }

  async function voteGasless(event: FormEvent) {
    event.preventDefault();
    if (!address) return;
    setState({ step: "signing" });
    try {
      const at = { address: props.governor, abi: coverageGovernorAbi } as const;
      // The keyed nonce of this proposal and the governor's EIP-712 name, read just before signing.
      const [nonce, name] = await Promise.all([
        readContract(config, { ...at, functionName: "nonces", args: [address, proposalId] }),
        readContract(config, { ...at, functionName: "name" }),
      ]);
      const ballot = { proposalId, support, voter: address, reason };
      const signature = await signTypedData(
        ballotTypedData({ name, chainId: config.chains[0].id, governor: props.governor }, ballot, nonce),
      );
      const reply = await postSignedVote(ballot, signature);
      if (reply.ok) follow(reply.progress);
      else {
        setState({ step: "refused", message: reply.message[props.locale], progress: reply.progress });
        if (reply.progress) follow(reply.progress);
      }
    } catch (error) {
      setState({ step: "refused", message: describeError(error, props.locale) });
    }
  }

  if (!address) return <p>{t["vote.connect"]}</p>;
  const busy = state.step === "signing" || (state.step === "relayed" && ["queued", "sent"].includes(state.progress.state));
  const progress = state.step === "relayed" ? state.progress : null;
  const link = progress?.transactionHash ? explorerTxUrl(config.chains[0], progress.transactionHash) : null;
  return (
    <form className="vote-form" onSubmit={voteGasless} data-testid="gasless-vote">
      <fieldset disabled={busy}>
        <legend>{t["vote.title"]}</legend>
        {CHOICES.map((choice) => (
          <label key={choice.key}>
            <input type="radio" name="support" checked={support === choice.support} onChange={() => setSupport(choice.support)} />{" "}
            {t[choice.key]}
          </label>
        ))}
        <label>
          {t["vote.reason"]}
          <textarea value={reason} maxLength={MAX_REASON_LENGTH} rows={3} onChange={(event) => setReason(event.target.value)} />
        </label>
        <button type="submit">{t["vote.gasless"]}</button>
      </fieldset>
      {state.step !== "idle" && (
        <p role="status" className={`vote-status vote-${progress?.state ?? state.step}`}>
          {state.step === "signing" && t["vote.signing"]}
          {state.step === "refused" && state.message}
          {progress?.state === "queued" && t["vote.queued"]}
          {progress?.state === "sent" && t["vote.sent"]}
          {progress?.state === "confirmed" && t["vote.confirmed"]}
          {progress?.state === "failed" &&
            (progress.failure === "dropped" ? t["vote.dropped"] : format(t["vote.failed"], { reason: progress.failure ?? "" }))}
          {progress?.transactionHash && (
            <>
              {" "}
              {link ? (
                <a href={link} target="_blank" rel="noreferrer">
                  {t["vote.transaction"]}
                </a>
              ) : (
                <code title={t["vote.transaction"]}>{progress.transactionHash.slice(0, 10)}…</code>
              )}
            </>
          )}
        </p>
      )}
      <p className="vote-own">
        <TxButton
          label={t["vote.own"]}
          locale={props.locale}
          call={() => castVote(props.governor, proposalId, support, reason)}
          onConfirmed={onVoted}
          testId="own-vote"
        />
      </p>
    </form>
  );
}
