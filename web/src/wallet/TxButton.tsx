"use client";
import { useState } from "react";
import type { Abi, ContractFunctionArgs, ContractFunctionName } from "viem";
import { useConfig, useConnection } from "wagmi";
import { simulateContract, type SimulateContractParameters, waitForTransactionReceipt, writeContract } from "wagmi/actions";
import type { ContractWrite, WriteMutability } from "@/contracts/contractWrite.ts";
import { MESSAGES, type Locale } from "@/i18n/messages.ts";
import { explorerTxUrl } from "./chains.ts";
import { describeError } from "./describeError.ts";

type Progress =
  | { step: "idle" }
  | { step: "simulating" | "wallet" }
  | { step: "pending" | "confirmed"; hash: `0x${string}` }
  | { step: "failed"; message: string };

/**
 * A button for one contract write: simulated first (a revert shows as words before the wallet
 * opens), then sent, then followed to its receipt, saying at each step what is happening.
 */
export function TxButton<
  const abi extends Abi,
  functionName extends ContractFunctionName<abi, WriteMutability>,
  const args extends ContractFunctionArgs<abi, WriteMutability, functionName>,
>(props: {
  label: string;
  call: () => ContractWrite<abi, functionName, args> | null;
  locale: Locale;
  onConfirmed?: () => void;
  /** Told the hash as soon as the wallet sent it (before it is mined). */
  onSent?: (hash: `0x${string}`) => void;
  testId?: string;
}) {
  const config = useConfig();
  const { address } = useConnection();
  const [progress, setProgress] = useState<Progress>({ step: "idle" });
  const t = MESSAGES[props.locale];
  const busy = progress.step === "simulating" || progress.step === "wallet" || progress.step === "pending";

  async function send() {
    const call = props.call();
    if (!call || !address) return;
    try {
      setProgress({ step: "simulating" });
      // The call was checked against its ABI where it was built; wagmi's own generics cannot follow
      // it through this component's, so it is widened here, once.
      const { request } = await simulateContract(config, { ...call, account: address } as SimulateContractParameters);
      setProgress({ step: "wallet" });
      const hash = await writeContract(config, request);
      setProgress({ step: "pending", hash });
      props.onSent?.(hash);
      const receipt = await waitForTransactionReceipt(config, { hash });
      if (receipt.status !== "success") throw new Error(t["tx.failed"].replace("{reason}", "reverted"));
      setProgress({ step: "confirmed", hash });
      props.onConfirmed?.();
    } catch (error) {
      setProgress({ step: "failed", message: describeError(error, props.locale) });
    }
  }

  const chain = config.chains[0];
  const link = "hash" in progress ? explorerTxUrl(chain, progress.hash) : null;
  return (
    <span className="tx">
      <button type="button" onClick={send} disabled={busy} data-testid={props.testId}>
        {props.label}
      </button>
      {progress.step !== "idle" && (
        <span role="status" className={`tx-status tx-${progress.step}`}>
          {progress.step === "simulating" && t["tx.simulating"]}
          {progress.step === "wallet" && t["tx.wallet"]}
          {progress.step === "pending" && t["tx.pending"]}
          {progress.step === "confirmed" && t["tx.confirmed"]}
          {progress.step === "failed" && progress.message}
          {link && (
            <>
              {" "}
              <a href={link} target="_blank" rel="noreferrer">
                {t["tx.explorer"]}
              </a>
            </>
          )}
        </span>
      )}
    </span>
  );
}
