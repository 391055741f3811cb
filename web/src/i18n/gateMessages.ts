// The premium gate's strings, apart from the rest: the gate is the one part of an article page
// that runs in an anonymous reader's browser, which then downloads these and not every message of
// both languages. messages.ts includes them, so each string still has one place.
export const GATE_MESSAGES = {
  en: {
    "article.unlockButton": "Get a pass or collect",
    "article.unlocking": "Unlocking…",
    "article.noAccess": "Your wallet cannot read this yet.",
    "article.unavailable": "The premium part could not be loaded: {reason}",
    "article.signInButton": "Sign in to read",
  },
  ko: {
    "article.unlockButton": "패스 구매 또는 수집",
    "article.unlocking": "여는 중…",
    "article.noAccess": "이 지갑으로는 아직 읽을 수 없습니다.",
    "article.unavailable": "프리미엄 본문을 불러오지 못했습니다: {reason}",
    "article.signInButton": "로그인하고 읽기",
  },
} as const satisfies Record<"en" | "ko", Record<string, string>>;
