import { timeLeft } from "@/dao/actionText.ts";
import { formatDate, formatNumber } from "@/i18n/formatting.ts";
import { format, type Locale, MESSAGES } from "@/i18n/messages.ts";
import type { ProposalChainFacts } from "@/server/dao.ts";

/** A proposal's state, tallies, quorum bar and time left, as the chain reports them now. */
export function ProposalStatus({ facts, now, locale }: { facts: ProposalChainFacts; now: bigint; locale: Locale }) {
  const t = MESSAGES[locale];
  const n = (value: bigint) => formatNumber(Number(value), locale);
  // Quorum counts votes for and abstentions (OpenZeppelin's simple counting).
  const counted = facts.for + facts.abstain;
  const when =
    facts.state === "pending"
      ? format(t["dao.startsIn"], { time: timeLeft(now, facts.snapshot, locale) })
      : facts.state === "active"
        ? format(t["dao.endsIn"], { time: timeLeft(now, facts.deadline, locale) })
        : facts.state === "queued"
          ? facts.eta <= now
            ? t["dao.executableNow"]
            : format(t["dao.executableAt"], { date: formatDate(facts.eta, locale) })
          : null;
  return (
    <div className="proposal-status">
      <p>
        <strong className={`state state-${facts.state}`} data-testid="proposal-state">
          {t[`dao.state.${facts.state}`]}
        </strong>
        {when && <> · {when}</>}
      </p>
      <p data-testid="proposal-tally">
        {format(t["dao.tally"], { for: n(facts.for), against: n(facts.against), abstain: n(facts.abstain) })}
      </p>
      <p>
        <meter
          min={0}
          max={Math.max(1, Number(facts.quorum))}
          value={Math.min(Number(counted), Math.max(1, Number(facts.quorum)))}
          aria-label={t["dao.quorumLabel"]}
        />{" "}
        {format(t["dao.quorum"], { counted: n(counted), quorum: n(facts.quorum) })}
      </p>
    </div>
  );
}
