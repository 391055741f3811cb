"use client";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { studioFetch } from "@/components/studio/studioFetch.ts";
import type { ContractWrite } from "@/contracts/contractWrite.ts";
import { format, MESSAGES } from "@/i18n/messages.ts";
import { reviveBigints } from "@/studio/publishCallJson.ts";
import { TxButton } from "./TxButton.tsx";
import type { WalletSetup } from "./walletSetup.ts";
import WalletRoot from "./WalletRoot.tsx";

export interface ArticleRevisionProps {
  setup: WalletSetup;
  draftId: string;
}

// biome-ignore lint/suspicious/noExplicitAny: the server built the call against the ABI; it travels as JSON
type ServerCall = ContractWrite<any, any, any>;

/**
 * The editor's revision panel on a published draft: the server packages the draft's current text
 * (the publish path), the editor's wallet signs the exact `revise` call, the server confirms it.
 */
function Panel({ setup, draftId }: ArticleRevisionProps) {
  const router = useRouter();
  const t = MESSAGES[setup.locale];
  const path = `/api/studio/drafts/${draftId}/revise`;
  const [steps, setSteps] = useState<{ id: number; line: string }[]>([]);
  const [call, setCall] = useState<ServerCall | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [note, setNote] = useState<string | null>(null);

  async function step(json: Record<string, unknown>) {
    setBusy(true);
    setNote(null);
    try {
      const answer = await studioFetch(setup.locale, path, { method: "POST", json });
      const lines = (answer.body.steps as string[] | undefined) ?? [];
      setSteps((before) => [...before, ...lines.map((line, offset) => ({ id: before.length + offset, line }))]);
      if (answer.problem) return setNote(answer.problem);
      if (answer.body.revised) {
        setCall(null);
        setDone((answer.body.revised as { uri: string }).uri);
        router.refresh();
      } else if (answer.body.call) {
        setDone(null);
        setCall(reviveBigints<ServerCall>(answer.body.call));
      }
    } finally {
      setBusy(false);
    }
  }

  return (
    <section className="studio-publish" data-testid="studio-revise">
      <h2>{t["studio.revise.title"]}</h2>
      <p className="muted">{t["studio.revise.hint"]}</p>
      {steps.length > 0 && (
        <ol data-testid="revise-steps">
          {steps.map((line) => (
            <li key={line.id}>{line.line}</li>
          ))}
        </ol>
      )}
      <p>
        {!call && (
          <button type="button" onClick={() => step({ step: "prepare" })} disabled={busy} data-testid="revise-prepare">
            {t["studio.revise.prepare"]}
          </button>
        )}
        {call && (
          <TxButton
            label={t["studio.revise.send"]}
            locale={setup.locale}
            call={() => call}
            onSent={(hash) => step({ step: "confirm", hash })}
            testId="revise-send"
          />
        )}
      </p>
      {busy && <p role="status">…</p>}
      {done && (
        <p role="status" data-testid="revise-done">
          {format(t["studio.revise.done"], { uri: done })}
        </p>
      )}
      {note && (
        <p role="alert" data-testid="revise-problem">
          {note}
        </p>
      )}
    </section>
  );
}

export default function ArticleRevisionWallet(props: ArticleRevisionProps) {
  return (
    <WalletRoot setup={props.setup} needsSession>
      <Panel {...props} />
    </WalletRoot>
  );
}
