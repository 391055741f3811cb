import type { Locale, MessageKey } from "@/i18n/messages.ts";
import { formatDate } from "@/i18n/formatting.ts";

type T = (key: MessageKey, values?: Record<string, string | number>) => string;

export interface RevisionEntry {
  revision: number;
  cid: string | null;
  uri: string;
  /** Seconds: the block time of the revision. */
  publishedAt: number;
}

/** An article's revisions, newest first, each with its date and its metadata on the gateway (old CIDs stay valid). */
export function RevisionHistory(props: { revisions: RevisionEntry[]; locale: Locale; t: T; gatewayLink: (uri: string) => string }) {
  const { revisions, locale, t } = props;
  if (revisions.length < 2) return null;
  return (
    <section className="revisions" lang={locale} aria-labelledby="revisions-title">
      <h2 id="revisions-title">{t("article.revisions.title")}</h2>
      <ol reversed data-testid="revisions">
        {revisions.toReversed().map((revision) => {
          const date = formatDate(revision.publishedAt, locale);
          return (
            <li key={revision.revision} data-testid="revision">
              {revision.revision === 0
                ? t("article.revisions.original", { date })
                : t("article.revisions.entry", { number: revision.revision, date })}
              {" · "}
              <a href={props.gatewayLink(revision.uri)}>{t("article.revisions.metadata", { cid: revision.cid ?? revision.uri })}</a>
            </li>
          );
        })}
      </ol>
    </section>
  );
}
