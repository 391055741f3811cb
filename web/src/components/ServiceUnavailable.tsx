import type { Translate } from "@/i18n/messages.ts";
import type { Service } from "@/server/serviceUnavailable.ts";

/** What a reader sees in place of a page that could not be built because a service is down. */
export function ServiceUnavailable({ service, t }: { service: Service; t: Translate }) {
  return (
    <section data-testid="service-unavailable">
      <h1>{t("unavailable.title")}</h1>
      <p role="alert">{t(`unavailable.${service}` as const)}</p>
      <p>{t("unavailable.retry")}</p>
    </section>
  );
}
