"use client";
import { type ReactNode, useCallback, useEffect, useState } from "react";
import { useConfig, useConnect, useConnection, useConnectors, useDisconnect, useSwitchChain } from "wagmi";
import { format, MESSAGES, type Locale } from "@/i18n/messages.ts";
import { shortAddress } from "@/i18n/formatting.ts";
import { hasSessionFor } from "./hasSessionFor.ts";
import { signIn } from "./signIn.ts";

type SessionState = "checking" | "check-failed" | "signed-out" | "signing" | "signed-in";

/**
 * Walks the reader through what a wallet page needs, in order: connect (a dialog of the
 * wallets the browser announces), the right network, and, when asked, Sign-In with Ethereum.
 */
export function WalletGate(props: {
  locale: Locale;
  needsSession: boolean;
  autoSignIn?: boolean;
  onSignedIn?: () => void;
  children: ReactNode;
}) {
  const t = MESSAGES[props.locale];
  const config = useConfig();
  const chain = config.chains[0];
  const { address, chainId, status } = useConnection();
  // EIP-6963 wallets list themselves by name; the generic "Injected" entry only stands in when
  // none did and the page still has a window.ethereum.
  const all = useConnectors();
  const announced = all.some((c) => c.type === "injected" && c.id !== "injected");
  const connectors = all.filter((c) => c.id !== "injected" || (!announced && typeof window !== "undefined" && "ethereum" in window));
  const connect = useConnect();
  const { mutate: switchChain } = useSwitchChain();
  const { mutate: disconnect } = useDisconnect();
  const [session, setSession] = useState<SessionState>("checking");
  // Bumped by the retry button: asks the server again after a failed check.
  const [checks, setChecks] = useState(0);
  const [problem, setProblem] = useState<string | null>(null);
  const { onSignedIn } = props;

  // biome-ignore lint/correctness/useExhaustiveDependencies: `checks` is the retry button's way to run the check again
  useEffect(() => {
    if (!address) return;
    let live = true;
    hasSessionFor(address).then(
      (mine) => {
        if (!live) return;
        setSession(mine ? "signed-in" : "signed-out");
        if (mine) onSignedIn?.();
      },
      () => {
        if (live) setSession("check-failed");
      },
    );
    return () => {
      live = false;
    };
  }, [address, onSignedIn, checks]);

  const startSignIn = useCallback(async () => {
    setSession("signing");
    setProblem(null);
    try {
      await signIn(config, chain.id);
      setSession("signed-in");
      onSignedIn?.();
    } catch (error) {
      setSession("signed-out");
      setProblem(
        format(t["wallet.signInFailed"], { reason: (error as { shortMessage?: string }).shortMessage ?? (error as Error).message }),
      );
    }
  }, [config, chain.id, onSignedIn, t]);

  useEffect(() => {
    if (props.autoSignIn && session === "signed-out" && chainId === chain.id && props.needsSession) void startSignIn();
  }, [props.autoSignIn, props.needsSession, session, chainId, chain.id, startSignIn]);

  if (status !== "connected" || !address) {
    return (
      <div role="dialog" aria-label={t["wallet.choose"]} className="wallet-dialog">
        <h3>{t["wallet.choose"]}</h3>
        {connectors.length === 0 && <p>{t["wallet.none"]}</p>}
        <ul>
          {connectors.map((connector) => (
            <li key={connector.uid}>
              <button type="button" onClick={() => connect.mutate({ connector })} disabled={connect.isPending}>
                {connector.icon && <img src={connector.icon} alt="" width={20} height={20} />} {connector.name}
              </button>
            </li>
          ))}
        </ul>
        {connect.error && <p role="alert">{connect.error.message.split("\n")[0]}</p>}
      </div>
    );
  }
  if (chainId !== chain.id) {
    return (
      <p className="wallet-switch">
        <button type="button" onClick={() => switchChain({ chainId: chain.id })}>
          {format(t["wallet.switch"], { chain: chain.name })}
        </button>
      </p>
    );
  }
  return (
    <div className="wallet">
      <p className="wallet-account">
        {session === "signed-in" ? format(t["wallet.signedIn"], { address: shortAddress(address) }) : shortAddress(address)}{" "}
        <button
          type="button"
          className="link"
          onClick={async () => {
            await fetch("/api/auth/logout", { method: "POST" });
            disconnect();
            setSession("signed-out");
          }}
        >
          {t["wallet.signOut"]}
        </button>
      </p>
      {session === "check-failed" && (
        <p role="alert">
          {t["wallet.sessionCheckFailed"]}{" "}
          <button
            type="button"
            onClick={() => {
              setSession("checking");
              setChecks((count) => count + 1);
            }}
          >
            {t["wallet.retry"]}
          </button>
        </p>
      )}
      {props.needsSession && session !== "signed-in" ? (
        <p>
          <button type="button" onClick={startSignIn} disabled={session !== "signed-out"} data-testid="sign-in">
            {session === "signing" ? t["wallet.signingIn"] : t["wallet.signIn"]}
          </button>
        </p>
      ) : (
        props.children
      )}
      {problem && <p role="alert">{problem}</p>}
    </div>
  );
}
