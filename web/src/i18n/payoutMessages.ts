// The library's batched withdrawal: an author or the treasury owed from more articles than one
// transaction can carry withdraws in batches, each its own transaction.
export const PAYOUT_MESSAGES = {
  en: {
    "payouts.checking": "Checking on chain which articles still owe you…",
    "payouts.progress": "Batch {batch} of {batches} · {done} of {total} articles",
    "payouts.wallet": "Confirm batch {batch} in your wallet, then wait for its block.",
    "payouts.finished": "Withdrawn: {total} of {total} articles, batch {batches} of {batches}.",
    "payouts.failed":
      "Batch {batch} of {batches} failed: {reason} Batches before it are paid; continuing withdraws only what is still owed.",
    "payouts.continue": "Continue withdrawing",
    "payouts.articles": "Articles that owe you: {count}.",
  },
  ko: {
    "payouts.checking": "아직 받을 금액이 남은 기사를 블록체인에서 확인하는 중…",
    "payouts.progress": "{batches}회 중 {batch}회차 · 기사 {total}건 중 {done}건",
    "payouts.wallet": "지갑에서 {batch}회차를 승인한 뒤 블록에 담길 때까지 기다려 주세요.",
    "payouts.finished": "출금 완료: {batches}회 중 {batches}회차 · 기사 {total}건 중 {total}건",
    "payouts.failed":
      "{batches}회 중 {batch}회차가 실패했습니다: {reason} 앞선 회차는 지급되었으며, 이어서 출금하면 남은 금액만 출금합니다.",
    "payouts.continue": "이어서 출금",
    "payouts.articles": "수익이 남은 기사: {count}건",
  },
} as const satisfies Record<"en" | "ko", Record<string, string>>;
