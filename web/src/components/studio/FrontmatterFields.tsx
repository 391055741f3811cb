"use client";
import { format, type Locale, MESSAGES } from "@/i18n/messages.ts";
import type { FrontmatterForm } from "./draftForm.ts";

type Messages = (typeof MESSAGES)["en"];

/** The frontmatter as a form; the server judges it by the CLI's rules after each save. */
export function FrontmatterFields(props: {
  locale: Locale;
  form: FrontmatterForm;
  disabled: boolean;
  onChange: (form: FrontmatterForm) => void;
}) {
  const t: Messages = MESSAGES[props.locale];
  const { form, disabled } = props;
  const set = (patch: Partial<FrontmatterForm>) => props.onChange({ ...form, ...patch });
  const setEdition = (patch: Partial<FrontmatterForm["edition"]>) => set({ edition: { ...form.edition, ...patch } });
  const whole = (value: string) => (value === "" ? 0 : Number(value));
  const text = (label: keyof Messages, value: string, onChange: (value: string) => void, testId: string, type = "text") => (
    <label className="field">
      <span>{t[label]}</span>
      <input type={type} value={value} disabled={disabled} onChange={(event) => onChange(event.target.value)} data-testid={testId} />
    </label>
  );
  const premiumKind = form.premium === undefined ? "none" : form.premium.tier === "edition" ? "edition" : "level";
  const authors = form.authors ?? [];
  const setAuthor = (index: number, patch: Partial<(typeof authors)[number]>) =>
    set({ authors: authors.map((author, at) => (at === index ? { ...author, ...patch } : author)) });
  return (
    <fieldset className="frontmatter" disabled={disabled}>
      <legend>{t["studio.editor.frontmatter"]}</legend>
      {text("studio.field.title", form.title, (title) => set({ title }), "field-title")}
      <label className="field">
        <span>{t["studio.field.summary"]}</span>
        <textarea value={form.summary} rows={2} onChange={(event) => set({ summary: event.target.value })} data-testid="field-summary" />
      </label>
      <label className="field">
        <span>{t["studio.field.language"]}</span>
        <select value={form.language} onChange={(event) => set({ language: event.target.value as Locale })} data-testid="field-language">
          <option value="ko">한국어</option>
          <option value="en">English</option>
        </select>
      </label>
      {text("studio.field.section", form.section, (section) => set({ section }), "field-section")}
      {text(
        "studio.field.tags",
        form.tags.join(", "),
        (tags) =>
          set({
            tags: tags
              .split(",")
              .map((tag) => tag.trim())
              .filter(Boolean),
          }),
        "field-tags",
      )}
      {text("studio.field.published", form.published, (published) => set({ published }), "field-published", "date")}
      {text("studio.field.price", form.edition.price_wei, (price_wei) => setEdition({ price_wei }), "field-price")}
      {text(
        "studio.field.supply",
        String(form.edition.max_supply),
        (value) => setEdition({ max_supply: whole(value) }),
        "field-supply",
        "number",
      )}
      {text(
        "studio.field.walletCap",
        String(form.edition.wallet_cap),
        (value) => setEdition({ wallet_cap: whole(value) }),
        "field-wallet-cap",
        "number",
      )}
      {text(
        "studio.field.saleStart",
        form.edition.sale_start ?? "",
        (sale_start) => setEdition({ sale_start }),
        "field-sale-start",
        "date",
      )}
      {text("studio.field.saleEnd", form.edition.sale_end ?? "", (sale_end) => setEdition({ sale_end }), "field-sale-end", "date")}
      {text(
        "studio.field.royalty",
        String(form.edition.royalty_bps),
        (value) => setEdition({ royalty_bps: whole(value) }),
        "field-royalty",
        "number",
      )}
      {text(
        "studio.field.referral",
        String(form.edition.referral_bps),
        (value) => setEdition({ referral_bps: whole(value) }),
        "field-referral",
        "number",
      )}
      {text(
        "studio.field.treasury",
        String(form.edition.treasury_bps),
        (value) => setEdition({ treasury_bps: whole(value) }),
        "field-treasury",
        "number",
      )}
      <label className="field">
        <span>{t["studio.field.premium"]}</span>
        <select
          value={premiumKind}
          data-testid="field-premium"
          onChange={(event) => {
            const kind = event.target.value;
            set({ premium: kind === "none" ? undefined : { tier: kind === "edition" ? "edition" : 1 } });
          }}
        >
          <option value="none">{t["studio.field.premiumNone"]}</option>
          <option value="level">{t["studio.field.premiumLevel"]}</option>
          <option value="edition">{t["studio.field.premiumEdition"]}</option>
        </select>
      </label>
      {premiumKind === "level" &&
        text(
          "studio.field.premiumLevel",
          String(form.premium?.tier ?? 1),
          (value) => set({ premium: { tier: whole(value) } }),
          "field-premium-level",
          "number",
        )}
      <fieldset>
        <legend>{t["studio.field.authors"]}</legend>
        {authors.map((author, index) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: rows have no identity but their place
          <div className="author-row" key={index}>
            {text("studio.field.authorName", author.name, (name) => setAuthor(index, { name }), `author-name-${index}`)}
            {text("studio.field.authorAddress", author.address, (address) => setAuthor(index, { address }), `author-address-${index}`)}
            {text(
              "studio.field.authorShare",
              String(author.share_bps),
              (value) => setAuthor(index, { share_bps: whole(value) }),
              `author-share-${index}`,
              "number",
            )}
            <button type="button" onClick={() => set({ authors: authors.filter((_, at) => at !== index) })}>
              {format(t["studio.field.removeAuthor"], { index: index + 1 })}
            </button>
          </div>
        ))}
        <button type="button" onClick={() => set({ authors: [...authors, { name: "", address: "", share_bps: 0 }] })}>
          {t["studio.field.addAuthor"]}
        </button>
      </fieldset>
    </fieldset>
  );
}
