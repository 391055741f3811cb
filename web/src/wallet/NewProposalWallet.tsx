"use client";
import Link from "next/link";
import { useCallback, useEffect, useState } from "react";
import { type Address, parseEther } from "viem";
import { useConfig, useConnection } from "wagmi";
import { readContract } from "wagmi/actions";
import { proposeCoverage } from "@/contracts/writes.ts";
import { actionText } from "@/dao/actionText.ts";
import { proposalDescription } from "@/dao/proposalDescription.ts";
import { membershipPassAbi } from "@/generated/contracts.ts";
import { format, type MessageKey, MESSAGES } from "@/i18n/messages.ts";
import { TxButton } from "./TxButton.tsx";
import type { WalletSetup } from "./walletSetup.ts";
import WalletRoot from "./WalletRoot.tsx";

export interface NewProposalProps {
  setup: WalletSetup;
  governor: Address;
  desk: Address;
  /** Decimal strings from the server: the proposal threshold, and the chain's clock. */
  threshold: string;
  now: string;
}

const DAY = 86_400;
const dateInput = (seconds: number) => new Date(seconds * 1000).toISOString().slice(0, 10);

interface Terms {
  topic: string;
  markdown: string;
  bounty: bigint;
  deadline: number;
}

/** Checks the form; each problem is a message key. */
function checkTerms(topic: string, markdown: string, bounty: string, deadline: string, now: number) {
  const problems: MessageKey[] = [];
  if (!topic.trim() || topic.trim().length > 120) problems.push("new.topicRequired");
  if (!markdown.trim() || markdown.length > 20_000) problems.push("new.descriptionRequired");
  let wei = 0n;
  try {
    wei = /^\d+(\.\d{1,18})?$/.test(bounty.trim()) ? parseEther(bounty.trim()) : 0n;
  } catch {}
  if (wei <= 0n) problems.push("new.badBounty");
  // The deadline is the end of the chosen day (UTC).
  const due = /^\d{4}-\d{2}-\d{2}$/.test(deadline) ? Date.parse(`${deadline}T23:59:59Z`) / 1000 : Number.NaN;
  if (!(due > now)) problems.push("new.badDeadline");
  return problems.length ? { problems } : { terms: { topic: topic.trim(), markdown, bounty: wei, deadline: due } satisfies Terms };
}

function NewProposal(props: NewProposalProps) {
  const config = useConfig();
  const { address } = useConnection();
  const t = MESSAGES[props.setup.locale];
  const now = Number(props.now);
  const [votes, setVotes] = useState<bigint | null>(null);
  const [topic, setTopic] = useState("");
  const [markdown, setMarkdown] = useState("");
  const [bounty, setBounty] = useState("");
  const [deadline, setDeadline] = useState(dateInput(now + 30 * DAY));
  const [problems, setProblems] = useState<MessageKey[]>([]);
  const [terms, setTerms] = useState<Terms | null>(null);
  const [upload, setUpload] = useState<{ step: "idle" | "busy" } | { step: "done"; cid: string } | { step: "failed"; key: MessageKey }>({
    step: "idle",
  });
  const [proposed, setProposed] = useState(false);

  const readVotes = useCallback(async () => {
    if (!address) return;
    setVotes(await readContract(config, { address: props.setup.pass, abi: membershipPassAbi, functionName: "getVotes", args: [address] }));
  }, [address, config, props.setup.pass]);
  useEffect(() => {
    void readVotes();
  }, [readVotes]);

  if (!address || votes === null) return null;
  const threshold = BigInt(props.threshold);
  if (votes < threshold) {
    return (
      <p role="alert" data-testid="below-threshold">
        {format(t["new.threshold"], { votes: votes.toString(), threshold: threshold.toString() })}
      </p>
    );
  }

  function review() {
    const checked = checkTerms(topic, markdown, bounty, deadline, now);
    setProblems(checked.problems ?? []);
    setTerms(checked.terms ?? null);
    setUpload({ step: "idle" });
  }

  async function store(reviewed: Terms) {
    setUpload({ step: "busy" });
    try {
      const response = await fetch("/api/dao/descriptions", {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ title: reviewed.topic, markdown: reviewed.markdown }),
      });
      const body = (await response.json()) as { cid?: string; error?: MessageKey };
      if (!response.ok || !body.cid) return setUpload({ step: "failed", key: body.error ?? "new.error.ipfs" });
      setUpload({ step: "done", cid: body.cid });
    } catch {
      setUpload({ step: "failed", key: "new.error.ipfs" });
    }
  }

  const edit =
    <T,>(set: (value: T) => void) =>
    (value: T) => {
      set(value);
      setTerms(null);
    };
  return (
    <form className="new-proposal" onSubmit={(event) => event.preventDefault()} data-testid="new-proposal-form">
      <p className="muted">{format(t["new.thresholdOk"], { votes: votes.toString(), threshold: threshold.toString() })}</p>
      <p>
        <label>
          {t["new.topic"]}
          <input name="topic" value={topic} maxLength={120} onChange={(event) => edit(setTopic)(event.target.value)} />
        </label>
      </p>
      <p>
        <label>
          {t["new.description"]}
          <textarea name="description" rows={8} value={markdown} onChange={(event) => edit(setMarkdown)(event.target.value)} />
        </label>
      </p>
      <p>
        <label>
          {t["new.bounty"]}
          <input name="bounty" inputMode="decimal" value={bounty} onChange={(event) => edit(setBounty)(event.target.value)} />
        </label>
      </p>
      <p>
        <label>
          {t["new.deadline"]}
          <input name="deadline" type="date" value={deadline} onChange={(event) => edit(setDeadline)(event.target.value)} />
        </label>
      </p>
      <p>
        <button type="button" onClick={review} data-testid="review-proposal">
          {t["new.review"]}
        </button>
      </p>
      {problems.length > 0 && (
        <ul role="alert" data-testid="proposal-problems">
          {problems.map((key) => (
            <li key={key}>{t[key]}</li>
          ))}
        </ul>
      )}
      {terms && (
        <section aria-label={t["new.actionsTitle"]} data-testid="proposal-review">
          <p>{t["new.actionsTitle"]}</p>
          <ol>
            <li>
              {actionText(
                { kind: "commission", topicCid: "", bounty: terms.bounty, deadline: terms.deadline },
                props.setup.locale,
                () => terms.topic,
              )}
            </li>
          </ol>
          {upload.step !== "done" && (
            <button type="button" onClick={() => store(terms)} disabled={upload.step === "busy"} data-testid="store-description">
              {upload.step === "busy" ? t["new.uploading"] : t["new.upload"]}
            </button>
          )}
          {upload.step === "failed" && <p role="alert">{t[upload.key]}</p>}
          {upload.step === "done" && (
            <>
              <p className="muted">{format(t["new.uploaded"], { cid: upload.cid })}</p>
              <TxButton
                testId="submit-proposal"
                label={t["new.propose"]}
                locale={props.setup.locale}
                call={() =>
                  proposeCoverage(
                    props.governor,
                    props.desk,
                    { topicCid: upload.cid, bounty: terms.bounty, deadline: terms.deadline },
                    proposalDescription(terms.topic, upload.cid),
                  )
                }
                onConfirmed={() => setProposed(true)}
              />
            </>
          )}
          {proposed && (
            <p role="status" data-testid="proposed">
              {t["new.proposed"]} <Link href="/dao">{t["dao.title"]}</Link>
            </p>
          )}
        </section>
      )}
    </form>
  );
}

export default function NewProposalWallet(props: NewProposalProps) {
  return (
    <WalletRoot setup={props.setup} needsSession>
      <NewProposal {...props} />
    </WalletRoot>
  );
}
