import { formatDate, formatPrice, shortAddress } from "../i18n/formatting.ts";
import { format, type Locale, MESSAGES } from "../i18n/messages.ts";
import type { DescribedAction } from "./describeAction.ts";

/**
 * An action in the reader's words. A commission's topic is its proposal's title when the topic CID
 * is the proposal's own description (as /dao/new makes them), else the CID itself.
 */
export function actionText(action: DescribedAction, locale: Locale, topicTitle: (cid: string) => string | null) {
  const t = MESSAGES[locale];
  switch (action.kind) {
    case "commission":
      return format(t["proposal.action.commission"], {
        title: topicTitle(action.topicCid) ?? action.topicCid,
        bounty: formatPrice(action.bounty, locale),
        date: formatDate(action.deadline, locale),
      });
    case "transfer":
      return format(t["proposal.action.transfer"], { amount: formatPrice(action.value, locale), to: action.to });
    case "role":
      return format(t[action.grant ? "proposal.action.grant" : "proposal.action.revoke"], {
        account: action.account,
        role: action.role,
        contract: action.contract,
      });
    case "call":
      return format(t[action.value > 0n ? "proposal.action.callValue" : "proposal.action.call"], {
        contract: action.contract,
        function: action.functionName,
        args: action.args.join(", "),
        amount: formatPrice(action.value, locale),
      });
    case "unknown":
      return format(t["proposal.action.unknown"], {
        selector: action.selector,
        target: shortAddress(action.target),
        amount: formatPrice(action.value, locale),
      });
  }
}

/** "5 min", "3 h", "2 days": how long until `until`, by the chain's clock. */
export function timeLeft(now: bigint, until: bigint, locale: Locale) {
  const t = MESSAGES[locale];
  const seconds = Number(until - now);
  if (seconds < 3_600) return format(t["dao.minutes"], { n: Math.max(1, Math.ceil(seconds / 60)) });
  if (seconds < 2 * 86_400) return format(t["dao.hours"], { n: Math.ceil(seconds / 3_600) });
  return format(t["dao.days"], { n: Math.ceil(seconds / 86_400) });
}
