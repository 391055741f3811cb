"use client";
import { useRouter } from "next/navigation";
import { useCallback, useEffect, useState } from "react";
import type { Address } from "viem";
import { useConfig, useConnection } from "wagmi";
import { readContract } from "wagmi/actions";
import { GaslessVoteForm } from "@/components/dao/GaslessVoteForm.tsx";
import { executeProposal, queueProposal } from "@/contracts/writes.ts";
import { coverageGovernorAbi } from "@/generated/contracts.ts";
import { formatDate } from "@/i18n/formatting.ts";
import { format, MESSAGES } from "@/i18n/messages.ts";
import { TxButton } from "./TxButton.tsx";
import type { WalletSetup } from "./walletSetup.ts";
import WalletRoot from "./WalletRoot.tsx";

export interface ProposalActionsProps {
  setup: WalletSetup;
  governor: Address;
  /** Decimal strings: they cross from the server page. */
  proposalId: string;
  state: string;
  snapshot: string;
  eta: string;
  now: string;
}

/** Voting (gasless, or with the member's own transaction), then queueing and executing once the proposal passed. */
function Actions(props: ProposalActionsProps) {
  const config = useConfig();
  const router = useRouter();
  const { address } = useConnection();
  const t = MESSAGES[props.setup.locale];
  const id = BigInt(props.proposalId);
  const [voter, setVoter] = useState<{ voted: boolean; weight: bigint } | null>(null);
  const refresh = () => router.refresh();

  const readVoter = useCallback(async () => {
    if (!address || props.state !== "active") return;
    const governor = { address: props.governor, abi: coverageGovernorAbi } as const;
    const [voted, weight] = await Promise.all([
      readContract(config, { ...governor, functionName: "hasVoted", args: [id, address] }),
      readContract(config, { ...governor, functionName: "getVotes", args: [address, BigInt(props.snapshot)] }),
    ]);
    setVoter({ voted, weight });
  }, [address, config, id, props.governor, props.snapshot, props.state]);
  useEffect(() => {
    void readVoter();
  }, [readVoter]);

  if (props.state === "active") {
    if (!voter) return null;
    if (voter.voted) return <p data-testid="voted">{t["proposal.votedAlready"]}</p>;
    if (voter.weight === 0n) return <p data-testid="no-voting-power">{t["proposal.noVotingPower"]}</p>;
    // Gasless by default (signed ballot, sent by the relay); the form also offers the member's own transaction.
    return (
      <GaslessVoteForm
        governor={props.governor}
        proposalId={id}
        locale={props.setup.locale}
        onVoted={() => {
          void readVoter();
          refresh();
        }}
      />
    );
  }
  if (props.state === "succeeded") {
    return (
      <TxButton
        testId="queue-proposal"
        label={t["proposal.queue"]}
        locale={props.setup.locale}
        call={() => queueProposal(props.governor, id)}
        onConfirmed={refresh}
      />
    );
  }
  if (props.state === "queued") {
    return (
      <>
        {BigInt(props.eta) > BigInt(props.now) && (
          <p>{format(t["proposal.waitEta"], { date: formatDate(BigInt(props.eta), props.setup.locale) })}</p>
        )}
        <TxButton
          testId="execute-proposal"
          label={t["proposal.execute"]}
          locale={props.setup.locale}
          call={() => executeProposal(props.governor, id)}
          onConfirmed={refresh}
        />
      </>
    );
  }
  return null;
}

export default function ProposalWallet(props: ProposalActionsProps) {
  return (
    <WalletRoot setup={props.setup} needsSession={false}>
      <Actions {...props} />
    </WalletRoot>
  );
}
