"use client";
import { useEffect, useRef, useState } from "react";
import { createPublicClient, http } from "viem";
import { useConfig, useConnection } from "wagmi";
import { getWalletClient } from "wagmi/actions";
import { formatNumber, formatPrice } from "@/i18n/formatting.ts";
import { format, MESSAGES } from "@/i18n/messages.ts";
import { viemPayoutChain } from "@/payouts/viemPayoutChain.ts";
import { BatchFailedError, type BatchProgress, withdrawInBatches } from "@/payouts/withdrawInBatches.ts";
import { describeError } from "./describeError.ts";
import type { WalletSetup } from "./walletSetup.ts";

type State =
  | { step: "idle" }
  | { step: "running"; progress: BatchProgress }
  | { step: "finished"; progress: BatchProgress }
  | { step: "failed"; progress?: BatchProgress; message: string };

/**
 * Withdraws what the editions contract owes the connected wallet from `articleIds` (the index's
 * list), in batches that each fit a block (web/src/payouts/withdrawInBatches.ts), saying which
 * batch is on its way. After a failed batch, "Continue" starts again from what the chain says is
 * still owed; so does a reload, from the page's fresh list.
 */
export function BatchedWithdraw(props: { setup: WalletSetup; owed: string; articleIds: number[]; onFinished: () => void }) {
  const { setup } = props;
  const config = useConfig();
  const { address } = useConnection();
  const [state, setState] = useState<State>({ step: "idle" });
  // Ids confirmed in this page's runs: a continued run does not even ask about them again.
  const paid = useRef(new Set<bigint>());
  const t = MESSAGES[setup.locale];
  // The total shown is the index's: after the last batch, reload the page's data (a few times, a
  // second apart) until the index has taken the withdrawals in.
  const { owed, onFinished } = props;
  const reloads = useRef(0);
  useEffect(() => {
    if (state.step !== "finished" || BigInt(owed) === 0n || reloads.current >= 10) return;
    const timer = setTimeout(() => {
      reloads.current += 1;
      onFinished();
    }, 1_000);
    return () => clearTimeout(timer);
  }, [state.step, owed, onFinished]);
  const number = (value: number) => formatNumber(value, setup.locale);

  async function run() {
    if (!address) return;
    let progress: BatchProgress | undefined;
    try {
      const walletClient = await getWalletClient(config);
      // Reads go through a transport that puts many JSON-RPC calls in one request: checking
      // thousands of articles one by one stays a few requests.
      const publicClient = createPublicClient({
        chain: config.chains[0],
        transport: http(setup.rpcUrl, { batch: { batchSize: 200 } }),
        pollingInterval: 500,
      });
      const chain = viemPayoutChain({ publicClient, walletClient, editions: setup.editions, payee: address });
      const candidates = props.articleIds.map(BigInt).filter((id) => !paid.current.has(id));
      await withdrawInBatches(chain, candidates, (next) => {
        progress = next;
        setState({ step: next.step === "finished" ? "finished" : "running", progress: next });
      });
      props.onFinished();
    } catch (error) {
      if (error instanceof BatchFailedError) {
        for (const id of error.withdrawn) paid.current.add(id);
        const reason = describeError(error.cause, setup.locale);
        setState({
          step: "failed",
          progress: error.progress,
          message: format(t["payouts.failed"], { batch: error.progress.batch, batches: error.progress.batches, reason }),
        });
      } else {
        setState({ step: "failed", progress, message: describeError(error, setup.locale) });
      }
    }
  }

  // After the last batch the page reloads its data (nothing owed): the summary stays.
  if (BigInt(props.owed) === 0n && state.step === "idle") return null;
  const progress = "progress" in state ? state.progress : undefined;
  const busy = state.step === "running";
  return (
    <div className="batched-withdraw">
      {BigInt(props.owed) > 0n && (
        <>
          <p>{format(t["payouts.articles"], { count: number(props.articleIds.length) })}</p>
          <button type="button" onClick={run} disabled={busy} data-testid="withdraw-editions">
            {state.step === "failed"
              ? t["payouts.continue"]
              : format(t["library.withdraw"], { amount: formatPrice(props.owed, setup.locale) })}
          </button>
        </>
      )}
      {state.step !== "idle" && (
        <p role="status" className={`tx-status tx-${state.step}`} data-testid="withdraw-progress">
          {progress && progress.step === "checking" && state.step === "running" && t["payouts.checking"]}
          {progress && progress.step !== "checking" && state.step === "running" && (
            <>
              {format(t["payouts.progress"], {
                batch: number(progress.batch),
                batches: number(progress.batches),
                done: number(progress.done),
                total: number(progress.total),
              })}
              {progress.step === "sending" &&
                state.step === "running" &&
                ` ${format(t["payouts.wallet"], { batch: number(progress.batch) })}`}
            </>
          )}
          {state.step === "finished" &&
            (state.progress.batches === 0
              ? t["library.nothingOwed"]
              : format(t["payouts.finished"], { total: number(state.progress.total), batches: number(state.progress.batches) }))}
          {/* The message names the batch that failed. */}
          {state.step === "failed" && <span data-testid="withdraw-error">{state.message}</span>}
        </p>
      )}
    </div>
  );
}
