import { FulfilIsland } from "@/components/DaoIslands.tsx";
import { formatPrice } from "@/i18n/formatting.ts";
import { format, type Locale, MESSAGES } from "@/i18n/messages.ts";
import { commissionFacts } from "@/server/commissionFacts.ts";
import { daoAddresses, openCommissions } from "@/server/dao.ts";
import { walletSetupFor } from "@/server/walletSetupFor.ts";
import { DraftCommissionPicker } from "./DraftCommissionPicker.tsx";

/**
 * The coverage commission a draft answers: picked from the open ones while it may change, then
 * stated; once the draft is published, the editor is offered the fulfil step with its article.
 */
export async function DraftCommission(props: {
  draftId: string;
  commissionId: string | null;
  mayChange: boolean;
  /** The published article's id, once published. */
  published: string | null;
  title: string;
  isEditor: boolean;
  locale: Locale;
}) {
  const dao = daoAddresses();
  if (!dao) return null;
  const t = MESSAGES[props.locale];
  // The studio works while the index is down: the list is then empty, and says nothing is open.
  const open = props.mayChange || props.commissionId ? await openCommissions().catch(() => []) : [];
  const named = (id: string) => open.find((c) => c.id === id)?.title ?? `#${id}`;

  if (props.mayChange) {
    const options = open.map((c) => ({
      id: c.id,
      label: `#${c.id} ${c.title ?? c.topicCid} (${formatPrice(c.bounty, props.locale)})`,
    }));
    if (props.commissionId && !options.some((o) => o.id === props.commissionId)) {
      options.push({ id: props.commissionId, label: `#${props.commissionId}` });
    }
    return <DraftCommissionPicker draftId={props.draftId} locale={props.locale} value={props.commissionId} options={options} />;
  }
  if (!props.commissionId) return null;
  const answers = (
    <p data-testid="draft-answers">{format(t["desk.draft.answers"], { id: props.commissionId, title: named(props.commissionId) })}</p>
  );
  if (!props.published || !props.isEditor) return answers;

  const [facts] = await commissionFacts(dao, [BigInt(props.commissionId)]).catch(() => [undefined]);
  if (!facts || facts.status === "none") return answers;
  if (facts.status !== "open") {
    const status = t[`dao.commission.${facts.status}`];
    // Fulfilled by this very article (just now, or before), or by another, or expired.
    const key = facts.articleId === Number(props.published) ? "desk.draft.fulfilledByThis" : "desk.draft.notFulfillable";
    return <p data-testid="draft-answers">{format(t[key], { id: props.commissionId, status })}</p>;
  }
  return (
    <section data-testid="draft-fulfil">
      <p>{format(t["desk.draft.fulfil"], { id: props.commissionId, title: named(props.commissionId) })}</p>
      <FulfilIsland
        setup={walletSetupFor(props.locale)}
        desk={dao.desk}
        commissionId={props.commissionId}
        article={{ id: Number(props.published), slug: props.published, title: props.title }}
      />
    </section>
  );
}
