"use client";
import { useCallback, useEffect, useState } from "react";
import { type Address, isAddress, isAddressEqual, zeroAddress } from "viem";
import { useConfig, useConnection } from "wagmi";
import { readContract } from "wagmi/actions";
import { delegateVotes } from "@/contracts/writes.ts";
import { membershipPassAbi } from "@/generated/contracts.ts";
import { format, MESSAGES } from "@/i18n/messages.ts";
import { TxButton } from "./TxButton.tsx";
import type { WalletSetup } from "./walletSetup.ts";
import WalletRoot from "./WalletRoot.tsx";

/** A member's votes and where they are delegated, with buttons to delegate them. */
function Delegation({ setup }: { setup: WalletSetup }) {
  const config = useConfig();
  const { address } = useConnection();
  const t = MESSAGES[setup.locale];
  const [facts, setFacts] = useState<{ votes: bigint; delegate: Address } | null>(null);
  const [to, setTo] = useState("");
  const [problem, setProblem] = useState<string | null>(null);

  const refresh = useCallback(async () => {
    if (!address) return;
    const pass = { address: setup.pass, abi: membershipPassAbi } as const;
    const [votes, delegate] = await Promise.all([
      readContract(config, { ...pass, functionName: "getVotes", args: [address] }),
      readContract(config, { ...pass, functionName: "delegates", args: [address] }),
    ]);
    setFacts({ votes, delegate });
  }, [address, config, setup.pass]);
  useEffect(() => {
    void refresh();
  }, [refresh]);

  if (!address || !facts) return null;
  const delegatedTo =
    facts.delegate === zeroAddress
      ? t["dao.delegateNone"]
      : format(t["dao.delegate"], { delegate: isAddressEqual(facts.delegate, address) ? t["dao.delegateSelf"] : facts.delegate });
  return (
    <div data-testid="dao-member">
      <p data-testid="voting-power">{format(t["dao.votingPower"], { votes: facts.votes.toString() })}</p>
      <p data-testid="delegate">{delegatedTo}</p>
      <p>
        <TxButton
          testId="delegate-self"
          label={t["dao.delegateToSelf"]}
          locale={setup.locale}
          call={() => delegateVotes(setup.pass, address)}
          onConfirmed={refresh}
        />
      </p>
      <p>
        <input
          aria-label={t["dao.delegateAddress"]}
          placeholder={t["dao.delegateAddress"]}
          value={to}
          onChange={(event) => setTo(event.target.value.trim())}
        />
        <TxButton
          testId="delegate-other"
          label={t["dao.delegateButton"]}
          locale={setup.locale}
          call={() => {
            setProblem(isAddress(to) ? null : t["dao.badAddress"]);
            return isAddress(to) ? delegateVotes(setup.pass, to) : null;
          }}
          onConfirmed={refresh}
        />
        {problem && <span role="alert">{problem}</span>}
      </p>
    </div>
  );
}

export default function DaoMemberWallet({ setup }: { setup: WalletSetup }) {
  return (
    <WalletRoot setup={setup} needsSession={false}>
      <Delegation setup={setup} />
    </WalletRoot>
  );
}
