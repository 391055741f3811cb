import { formatEther } from "viem";
import type { Locale } from "./messages.ts";

const TAGS: Record<Locale, string> = { en: "en-US", ko: "ko-KR" };

/** A wei amount as ETH, with the language's digit grouping. */
export function formatPrice(wei: bigint | string, locale: Locale, symbol = "ETH") {
  const ether = Number(formatEther(BigInt(wei)));
  return `${new Intl.NumberFormat(TAGS[locale], { maximumFractionDigits: 6 }).format(ether)} ${symbol}`;
}

export const formatDate = (seconds: number | bigint, locale: Locale) =>
  new Intl.DateTimeFormat(TAGS[locale], { dateStyle: "long", timeZone: "UTC" }).format(new Date(Number(seconds) * 1000));

export const formatNumber = (value: number, locale: Locale) => new Intl.NumberFormat(TAGS[locale]).format(value);

export const shortAddress = (address: string) => `${address.slice(0, 6)}…${address.slice(-4)}`;
