"use client";
import { useRouter } from "next/navigation";
import type { Address } from "viem";
import { type FulfilCandidate, FulfilCommission } from "@/components/dao/FulfilCommission.tsx";
import { type ReactNode, useEffect, useState } from "react";
import { useConfig, useConnection } from "wagmi";
import { readContract } from "wagmi/actions";
import { expireCommission, rejectFulfilment, settleCommission } from "@/contracts/writes.ts";
import { coverageGovernorAbi } from "@/generated/contracts.ts";
import { MESSAGES } from "@/i18n/messages.ts";
import type { CommissionFacts } from "@/server/commissionFacts.ts";
import { BountyWithdraw } from "./BountyWithdraw.tsx";
import { TxButton } from "./TxButton.tsx";
import type { WalletSetup } from "./walletSetup.ts";
import WalletRoot from "./WalletRoot.tsx";

export interface CommissionActionsProps {
  setup: WalletSetup;
  desk: Address;
  /** The governor, whose proposal guardian may reject a fulfilment in its challenge window. */
  governor: Address;
  /** The desk's view of each commission at the latest block. */
  commissions: CommissionFacts[];
  /** Articles an editor may link, per commission id. */
  candidates: Record<string, FulfilCandidate[]>;
  /** The chain's clock when the page was read (seconds). */
  now: number;
}

/** The next step of each commission: fulfil (editors), settle or expire (anyone); then authors withdraw. */
function Actions(props: CommissionActionsProps) {
  const router = useRouter();
  const { locale } = props.setup;
  const t = MESSAGES[locale];
  const refresh = () => router.refresh();
  return (
    <div className="commission-actions">
      {props.commissions.map((c) => {
        const id = BigInt(c.id);
        if (c.status === "open" && props.now < c.deadline) {
          return (
            <FulfilCommission
              key={c.id}
              desk={props.desk}
              editions={props.setup.editions}
              commissionId={c.id}
              candidates={props.candidates[c.id] ?? []}
              locale={locale}
              onFulfilled={refresh}
            />
          );
        }
        if (c.status === "open") {
          return (
            <TxButton
              key={c.id}
              testId="expire-commission"
              label={t["desk.expire"]}
              locale={locale}
              call={() => expireCommission(props.desk, id)}
              onConfirmed={refresh}
            />
          );
        }
        if (c.status === "fulfilled" && props.now < c.challengeEndsAt) {
          return (
            <GuardianReject key={c.id} governor={props.governor}>
              <TxButton
                testId="reject-fulfilment"
                label={t["desk.reject"]}
                locale={locale}
                call={() => rejectFulfilment(props.desk, id)}
                onConfirmed={refresh}
              />
            </GuardianReject>
          );
        }
        if (c.status === "fulfilled") {
          return (
            <TxButton
              key={c.id}
              testId="settle-commission"
              label={t["desk.settle"]}
              locale={locale}
              call={() => settleCommission(props.desk, id)}
              onConfirmed={refresh}
            />
          );
        }
        return null;
      })}
      <BountyWithdraw desk={props.desk} locale={locale} />
    </div>
  );
}

/** Shows its children only to the governor's proposal guardian, read at the latest block. */
function GuardianReject(props: { governor: Address; children: ReactNode }) {
  const config = useConfig();
  const { address } = useConnection();
  const [guardian, setGuardian] = useState<Address | null>(null);
  useEffect(() => {
    let current = true;
    void readContract(config, { address: props.governor, abi: coverageGovernorAbi, functionName: "proposalGuardian" }).then(
      (account) => current && setGuardian(account),
    );
    return () => {
      current = false;
    };
  }, [config, props.governor]);
  return address && guardian?.toLowerCase() === address.toLowerCase() ? props.children : null;
}

export default function CommissionWallet(props: CommissionActionsProps) {
  return (
    <WalletRoot setup={props.setup} needsSession={false}>
      <Actions {...props} />
    </WalletRoot>
  );
}
