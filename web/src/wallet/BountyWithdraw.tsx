"use client";
import { useCallback, useEffect, useState } from "react";
import type { Address } from "viem";
import { useConfig, useConnection } from "wagmi";
import { readContract } from "wagmi/actions";
import { withdrawBounty } from "@/contracts/writes.ts";
import { coverageDeskAbi } from "@/generated/contracts.ts";
import { formatPrice } from "@/i18n/formatting.ts";
import { format, type Locale, MESSAGES } from "@/i18n/messages.ts";
import { TxButton } from "./TxButton.tsx";

/**
 * What the coverage desk owes the connected wallet in bounties, read from the desk at the latest
 * block (the figure that pays, not the index's), and the button that withdraws it.
 */
export function BountyWithdraw(props: { desk: Address; locale: Locale }) {
  const config = useConfig();
  const { address } = useConnection();
  const t = MESSAGES[props.locale];
  const [owed, setOwed] = useState<bigint | null>(null);
  const [withdrawn, setWithdrawn] = useState(false);

  const readOwed = useCallback(async () => {
    if (!address) return setOwed(null);
    setOwed(await readContract(config, { address: props.desk, abi: coverageDeskAbi, functionName: "owed", args: [address] }));
  }, [address, config, props.desk]);
  useEffect(() => {
    void readOwed();
  }, [readOwed]);

  if (withdrawn && owed === 0n) {
    return (
      <p role="status" data-testid="bounty-owed">
        {t["desk.withdrawn"]}
      </p>
    );
  }
  if (!address || !owed) return null;
  return (
    <div className="bounty-withdraw">
      <p data-testid="bounty-owed">{format(t["desk.owed"], { amount: formatPrice(owed, props.locale) })}</p>
      <TxButton
        testId="withdraw-bounty"
        label={format(t["desk.withdraw"], { amount: formatPrice(owed, props.locale) })}
        locale={props.locale}
        call={() => withdrawBounty(props.desk, address)}
        onConfirmed={() => {
          setWithdrawn(true);
          void readOwed();
        }}
      />
    </div>
  );
}
