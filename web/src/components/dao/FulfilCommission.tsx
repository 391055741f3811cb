"use client";
import { useEffect, useId, useState } from "react";
import type { Address } from "viem";
import { useConfig, useConnection } from "wagmi";
import { readContract } from "wagmi/actions";
import { fulfilCommission } from "@/contracts/writes.ts";
import { articleEditionsAbi, articleEditionsConstants } from "@/generated/contracts.ts";
import { type Locale, MESSAGES } from "@/i18n/messages.ts";
import { TxButton } from "@/wallet/TxButton.tsx";

export interface FulfilCandidate {
  id: number;
  slug: string;
  title: string;
}

/**
 * An editor links a published article to an open commission. Whether the connected wallet is an
 * editor (a publisher on ArticleEditions, the role `CoverageDesk.fulfil` checks) is read at the
 * latest block; anyone else is told why there is nothing to do.
 */
export function FulfilCommission(props: {
  desk: Address;
  editions: Address;
  commissionId: string;
  candidates: FulfilCandidate[];
  locale: Locale;
  /** Preselects this article (the studio's just-published draft). */
  articleId?: number;
  onFulfilled?: () => void;
}) {
  const config = useConfig();
  const { address } = useConnection();
  const t = MESSAGES[props.locale];
  const selectId = useId();
  const [editor, setEditor] = useState<boolean | null>(null);
  const [articleId, setArticleId] = useState(String(props.articleId ?? props.candidates[0]?.id ?? ""));

  useEffect(() => {
    if (!address) return setEditor(null);
    let current = true;
    void readContract(config, {
      address: props.editions,
      abi: articleEditionsAbi,
      functionName: "hasRole",
      args: [articleEditionsConstants.PUBLISHER_ROLE, address],
    }).then((has) => current && setEditor(has));
    return () => {
      current = false;
    };
  }, [address, config, props.editions]);

  if (editor === null) return null;
  if (!editor) return <p data-testid="not-editor">{t["desk.notEditor"]}</p>;
  if (props.candidates.length === 0) return <p data-testid="no-candidates">{t["desk.noCandidates"]}</p>;
  return (
    <div className="fulfil-commission">
      <label htmlFor={selectId}>{t["desk.pickArticle"]}</label>{" "}
      <select id={selectId} value={articleId} onChange={(event) => setArticleId(event.target.value)} data-testid="fulfil-article">
        {props.candidates.map((a) => (
          <option key={a.id} value={a.id}>
            #{a.id} {a.title} ({a.slug})
          </option>
        ))}
      </select>{" "}
      <TxButton
        testId="fulfil-commission"
        label={t["desk.fulfil"]}
        locale={props.locale}
        call={() => (articleId ? fulfilCommission(props.desk, BigInt(props.commissionId), BigInt(articleId)) : null)}
        onConfirmed={props.onFulfilled}
      />
    </div>
  );
}
