"use client";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useEffect, useState } from "react";
import { streamPrepare } from "@/components/studio/streamPrepare.ts";
import { studioFetch } from "@/components/studio/studioFetch.ts";
import { UploadProgressList } from "@/components/studio/UploadProgressList.tsx";
import type { UploadProgress } from "@/content/packageArticle.ts";
import { format, MESSAGES } from "@/i18n/messages.ts";
import type { PublishCall } from "@/publishing/publishArticleSource.ts";
import { reviveBigints } from "@/studio/publishCallJson.ts";
import { TxButton } from "./TxButton.tsx";
import type { WalletSetup } from "./walletSetup.ts";
import WalletRoot from "./WalletRoot.tsx";

export interface StudioPublishProps {
  setup: WalletSetup;
  draftId: string;
}

type Published = { articleId: string; slug: string };

/**
 * The editor's publish panel: the server packages and uploads (each step listed as it reports
 * them), the editor's wallet signs the exact call the server built, and the server confirms it.
 */
function Panel({ setup, draftId }: StudioPublishProps) {
  const router = useRouter();
  const t = MESSAGES[setup.locale];
  const path = `/api/studio/drafts/${draftId}/publish`;
  const [steps, setSteps] = useState<{ id: number; line: string }[]>([]);
  const [call, setCall] = useState<PublishCall | null>(null);
  const [published, setPublished] = useState<Published | null>(null);
  const [busy, setBusy] = useState(false);
  const [note, setNote] = useState<string | null>(null);
  const [awaiting, setAwaiting] = useState(false);

  useEffect(() => {
    // After a reload: say that a prepared publish is waiting (preparing again resumes it).
    studioFetch(setup.locale, path).then(({ body }) =>
      setAwaiting(Boolean((body.run as { awaitingSignature?: boolean } | null)?.awaitingSignature)),
    );
  }, [path, setup.locale]);

  const [uploads, setUploads] = useState<UploadProgress[]>([]);
  const addLines = (lines: string[]) =>
    setSteps((before) => [...before, ...lines.map((line, offset) => ({ id: before.length + offset, line }))]);

  async function step(json: Record<string, unknown>) {
    setBusy(true);
    setNote(null);
    try {
      // Prepare streams its steps and a progress bar per uploaded file; the others answer at once.
      const streamed = json.step === "prepare";
      if (streamed) setUploads([]);
      const answer = streamed
        ? await streamPrepare(setup.locale, path, {
            line: (line) => addLines([line]),
            progress: (progress) =>
              setUploads((before) => {
                const at = before.findIndex((upload) => upload.step === progress.step);
                return at < 0 ? [...before, progress] : before.map((upload, index) => (index === at ? progress : upload));
              }),
          })
        : await studioFetch(setup.locale, path, { method: "POST", json });
      if (answer.problem) return setNote(answer.problem);
      if (!streamed) addLines((answer.body.steps as string[] | undefined) ?? []);
      if (answer.body.published) {
        setCall(null);
        setPublished(answer.body.published as Published);
        router.refresh();
      } else if (answer.body.call) {
        setCall(reviveBigints<PublishCall>(answer.body.call));
      } else if ("run" in answer.body) {
        // The stream broke before its answer: what the server recorded says whether a signature waits.
        setAwaiting(Boolean((answer.body.run as { awaitingSignature?: boolean } | null)?.awaitingSignature));
      } else if (answer.body.abandoned !== undefined) {
        setCall(null);
        setAwaiting(false);
        setNote(t["studio.publish.abandoned"]);
      }
    } finally {
      setBusy(false);
    }
  }

  return (
    <section className="studio-publish" data-testid="studio-publish">
      <h2>{t["studio.publish.title"]}</h2>
      <p className="muted">{t["studio.publish.hint"]}</p>
      <UploadProgressList locale={setup.locale} uploads={uploads} />
      {steps.length > 0 && (
        <ol data-testid="publish-steps">
          {steps.map((step) => (
            <li key={step.id}>{step.line}</li>
          ))}
        </ol>
      )}
      {published ? (
        <p role="status" data-testid="publish-done">
          {format(t["studio.publish.done"], { id: published.articleId })}{" "}
          <Link href={`/articles/${published.slug}`} data-testid="publish-live-link">
            {t["studio.publish.readLive"]}
          </Link>{" "}
          <span className="muted">{t["studio.publish.indexLag"]}</span>
        </p>
      ) : (
        <p>
          {!call && (
            <button type="button" onClick={() => step({ step: "prepare" })} disabled={busy} data-testid="publish-prepare">
              {t["studio.publish.prepare"]}
            </button>
          )}
          {call && (
            <TxButton
              label={t["studio.publish.send"]}
              locale={setup.locale}
              call={() => call}
              onSent={(hash) => step({ step: "confirm", hash })}
              testId="publish-send"
            />
          )}
          {(call || awaiting) && (
            <button type="button" onClick={() => step({ step: "abandon" })} disabled={busy} data-testid="publish-abandon">
              {t["studio.publish.abandon"]}
            </button>
          )}
        </p>
      )}
      {busy && <p role="status">…</p>}
      {note && (
        <p role="alert" data-testid="publish-problem">
          {note}
        </p>
      )}
    </section>
  );
}

export default function StudioPublishWallet(props: StudioPublishProps) {
  return (
    <WalletRoot setup={props.setup} needsSession>
      <Panel {...props} />
    </WalletRoot>
  );
}
