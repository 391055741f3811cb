"use client";
import dynamic from "next/dynamic";
import { type ReactNode, useCallback, useEffect, useState } from "react";
import { format } from "@/i18n/format.ts";
import { GATE_MESSAGES } from "@/i18n/gateMessages.ts";
import { readPremiumAnswer, type UnlockOptions } from "@/api/premiumAnswer.ts";
import type { WalletSetup } from "@/wallet/walletSetup.ts";

// The wallet code (wagmi, connectors, ABIs) is fetched only when the reader asks for it.
const ArticleWallet = dynamic(() => import("@/wallet/ArticleWallet.tsx"), {
  ssr: false,
  loading: () => <p className="muted">…</p>,
});

type State =
  | { kind: "locked" }
  | { kind: "loading" }
  | { kind: "unlocked"; html: string }
  | { kind: "denied"; unlock: UnlockOptions }
  | { kind: "error"; message: string };

/**
 * The premium part of an article page: asks the gate, and shows what it answers. `children` is
 * the server-rendered "how to unlock" text, shown until the part is unlocked.
 */
export function PremiumGate(props: { articleId: number; setup: WalletSetup; signedIn: boolean; children?: ReactNode }) {
  const t = GATE_MESSAGES[props.setup.locale];
  const [state, setState] = useState<State>({ kind: props.signedIn ? "loading" : "locked" });
  const [walletOpen, setWalletOpen] = useState(false);

  const fetchPremium = useCallback(async () => {
    setState({ kind: "loading" });
    try {
      const answer = await readPremiumAnswer(await fetch(`/api/articles/${props.articleId}/premium`, { cache: "no-store" }));
      if (answer.status === 200) {
        const { renderPremium } = await import("./renderPremium.ts");
        setState({ kind: "unlocked", html: renderPremium(answer.body.markdown, props.setup.gatewayUrl) });
      } else if (answer.status === 401) setState({ kind: "locked" });
      else if (answer.status === 403) setState({ kind: "denied", unlock: answer.body.unlock });
      else setState({ kind: "error", message: answer.body.error ?? String(answer.status) });
    } catch (error) {
      setState({ kind: "error", message: (error as Error).message });
    }
  }, [props.articleId, props.setup.gatewayUrl]);

  useEffect(() => {
    if (props.signedIn) void fetchPremium();
  }, [props.signedIn, fetchPremium]);

  if (state.kind === "unlocked") {
    // biome-ignore lint/security/noDangerouslySetInnerHtml: sanitized in the browser by the one Markdown policy (web/src/markdown)
    return <div className="prose premium" data-testid="premium-content" dangerouslySetInnerHTML={{ __html: state.html }} />;
  }
  return (
    <div className="premium-gate" data-testid="premium-gate">
      {props.children}
      {state.kind === "loading" && <p role="status">{t["article.unlocking"]}</p>}
      {state.kind === "denied" && (
        <p role="status" data-testid="premium-denied">
          {t["article.noAccess"]}
        </p>
      )}
      {state.kind === "error" && <p role="alert">{format(t["article.unavailable"], { reason: state.message })}</p>}
      {walletOpen ? (
        <ArticleWallet
          setup={props.setup}
          articleId={props.articleId}
          unlock={state.kind === "denied" ? state.unlock : null}
          onSignedIn={fetchPremium}
          onAccessChanged={fetchPremium}
        />
      ) : (
        state.kind !== "loading" && (
          <button type="button" className="primary" onClick={() => setWalletOpen(true)} data-testid="open-wallet">
            {state.kind === "denied" ? t["article.unlockButton"] : t["article.signInButton"]}
          </button>
        )
      )}
    </div>
  );
}
