import type { Translate } from "@/i18n/messages.ts";

/**
 * A plain GET form to `/search`: it works without script, and its results have a URL to share.
 * The masthead's is the page's search landmark; the search page's own form, holding the query, is not.
 */
export function SearchForm({ q = "", t, inMasthead = false }: { q?: string; t: Translate; inMasthead?: boolean }) {
  return (
    <form
      method="get"
      action="/search"
      className={inMasthead ? "search-form compact" : "search-form"}
      role={inMasthead ? "search" : undefined}
      aria-label={inMasthead ? t("search.label") : undefined}
    >
      <input
        type="search"
        name="q"
        defaultValue={q}
        aria-label={t("search.label")}
        placeholder={t("search.label")}
        maxLength={200}
        data-testid={inMasthead ? "masthead-search" : "search-input"}
      />
      <button type="submit">{t("search.button")}</button>
    </form>
  );
}
