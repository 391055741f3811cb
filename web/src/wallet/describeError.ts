// Relative imports on purpose: Node loads this module too (test/server/errorMessages.test.ts), and Node resolves no `@/` alias.
import { BaseError, ContractFunctionRevertedError, InsufficientFundsError, UserRejectedRequestError } from "viem";
import { type MessageKey, MESSAGES, type Locale, format } from "../i18n/messages.ts";
import { formatPrice } from "../i18n/formatting.ts";

/** A failed wallet or contract call, in the reader's language, with the custom error decoded. */
export function describeError(error: unknown, locale: Locale): string {
  const messages = MESSAGES[locale];
  if (!(error instanceof BaseError)) return (error as Error)?.message ?? String(error);
  if (error.walk((e) => e instanceof UserRejectedRequestError)) return messages["tx.rejected"];
  if (error.walk((e) => e instanceof InsufficientFundsError)) return messages["error.insufficientFunds"];
  const revert = error.walk((e) => e instanceof ContractFunctionRevertedError);
  if (revert instanceof ContractFunctionRevertedError && revert.data?.errorName) {
    const { errorName, args = [] } = revert.data;
    const values = Object.fromEntries(
      args.map((arg, index) => [String(index), typeof arg === "bigint" && arg > 10n ** 12n ? formatPrice(arg, locale) : String(arg)]),
    );
    const key = `error.${errorName}` as MessageKey;
    return key in messages ? format(messages[key], values) : format(messages["error.generic"], { name: errorName });
  }
  return format(messages["tx.failed"], { reason: error.shortMessage });
}
