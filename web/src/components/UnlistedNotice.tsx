import type { Locale, MessageKey } from "@/i18n/messages.ts";
import { formatDate } from "@/i18n/formatting.ts";

type T = (key: MessageKey, values?: Record<string, string | number>) => string;

/** What an unlisted article's page says: when, the editors' reason, and that IPFS keeps what was published. */
export function UnlistedNotice(props: { unlisted: { at: number; reason: string }; locale: Locale; t: T; holder: boolean }) {
  const { unlisted, locale, t } = props;
  return (
    <section className="unlisted" role="note" lang={locale} data-testid="unlisted-notice">
      <h2>{t("article.unlisted.title")}</h2>
      <p data-testid="unlisted-reason">{t("article.unlisted.reason", { reason: unlisted.reason })}</p>
      <p className="muted">{t("article.unlisted.when", { date: formatDate(unlisted.at, locale) })}</p>
      <p className="muted">{t("article.unlisted.permanent")}</p>
      {props.holder && <p>{t("article.unlisted.holder")}</p>}
    </section>
  );
}
