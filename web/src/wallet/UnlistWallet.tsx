"use client";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { studioFetch } from "@/components/studio/studioFetch.ts";
import type { ContractWrite } from "@/contracts/contractWrite.ts";
import { format, MESSAGES } from "@/i18n/messages.ts";
import { utf8Bytes } from "@/studio/draftLimits.ts";
import { reviveBigints } from "@/studio/publishCallJson.ts";
import { TxButton } from "./TxButton.tsx";
import type { WalletSetup } from "./walletSetup.ts";
import WalletRoot from "./WalletRoot.tsx";

export interface UnlistProps {
  setup: WalletSetup;
  articleId: string;
  /** The contract's limit, in UTF-8 bytes. */
  maxBytes: number;
}

// biome-ignore lint/suspicious/noExplicitAny: the server built the call against the ABI; it travels as JSON
type ServerCall = ContractWrite<any, any, any>;

/**
 * The editor's unlist panel: a reason (required, at most the contract's bytes), a confirmation,
 * then the server checks both and the role and answers the `unlist` call the wallet signs.
 */
function Panel({ setup, articleId, maxBytes }: UnlistProps) {
  const router = useRouter();
  const t = MESSAGES[setup.locale];
  const [reason, setReason] = useState("");
  const [confirmed, setConfirmed] = useState(false);
  const [call, setCall] = useState<ServerCall | null>(null);
  const [busy, setBusy] = useState(false);
  const [note, setNote] = useState<string | null>(null);
  const [done, setDone] = useState(false);
  const bytes = utf8Bytes(reason.trim());

  async function prepare() {
    setBusy(true);
    setNote(null);
    try {
      const answer = await studioFetch(setup.locale, `/api/studio/articles/${articleId}/unlist`, { method: "POST", json: { reason } });
      if (answer.problem) return setNote(answer.problem);
      setCall(reviveBigints<ServerCall>(answer.body.call));
    } finally {
      setBusy(false);
    }
  }

  return (
    <section className="studio-unlist" data-testid="studio-unlist">
      <h2>{t["studio.unlist.title"]}</h2>
      <p className="muted">{t["studio.unlist.hint"]}</p>
      <label>
        {format(t["studio.unlist.reason"], { max: maxBytes })}
        <textarea
          value={reason}
          rows={3}
          onChange={(event) => {
            setReason(event.target.value);
            setCall(null);
          }}
          aria-invalid={bytes > maxBytes}
          data-testid="unlist-reason"
        />
      </label>
      {bytes > maxBytes && (
        <p role="alert" data-testid="unlist-problem">
          {format(t["studio.unlist.error.reasonTooLong"], { bytes, max: maxBytes })}
        </p>
      )}
      <label>
        <input type="checkbox" checked={confirmed} onChange={(event) => setConfirmed(event.target.checked)} data-testid="unlist-confirm" />{" "}
        {t["studio.unlist.confirm"]}
      </label>
      <p>
        {!call && !done && (
          <button
            type="button"
            onClick={prepare}
            disabled={busy || !confirmed || bytes === 0 || bytes > maxBytes}
            data-testid="unlist-prepare"
          >
            {t["studio.unlist.title"]}
          </button>
        )}
        {call && !done && (
          <TxButton
            label={t["studio.unlist.send"]}
            locale={setup.locale}
            call={() => call}
            onConfirmed={() => {
              setDone(true);
              router.refresh();
            }}
            testId="unlist-send"
          />
        )}
      </p>
      {done && (
        <p role="status" data-testid="unlist-done">
          {t["studio.unlist.done"]}
        </p>
      )}
      {note && (
        <p role="alert" data-testid="unlist-problem">
          {note}
        </p>
      )}
    </section>
  );
}

export default function UnlistWallet(props: UnlistProps) {
  return (
    <WalletRoot setup={props.setup} needsSession>
      <Panel {...props} />
    </WalletRoot>
  );
}
