import type { BaseError } from "viem";
import { format, LOCALES, type Locale, MESSAGES, type MessageKey } from "../../i18n/messages.ts";
import { describeError } from "../../wallet/describeError.ts";

/** Why the relay did not send a vote, in both languages (the page shows the reader's). */
export interface Refusal {
  status: number;
  /** A message key (`relay.noVotes`) or the governor's decoded error (`error.GovernorInvalidSignature`). */
  code: string;
  message: Record<Locale, string>;
}

/** A refusal worded by `key`; `localized` adds values that are themselves words (a proposal's state). */
export function refusal(
  status: number,
  key: MessageKey,
  values: Record<string, string | number> = {},
  localized: (messages: Record<MessageKey, string>) => Record<string, string> = () => ({}),
): Refusal {
  const worded = (locale: Locale) => format(MESSAGES[locale][key], { ...values, ...localized(MESSAGES[locale]) });
  return { status, code: key, message: Object.fromEntries(LOCALES.map((locale) => [locale, worded(locale)])) as Record<Locale, string> };
}

/** A simulated call that reverted, as the dApp's decoded-error table words it. */
export function revertRefusal(status: number, errorName: string, error: BaseError): Refusal {
  return {
    status,
    code: `error.${errorName}`,
    message: Object.fromEntries(LOCALES.map((locale) => [locale, describeError(error, locale)])) as Record<Locale, string>,
  };
}

export const isRefusal = (value: unknown): value is Refusal =>
  typeof value === "object" && value !== null && "code" in value && "message" in value && "status" in value;
