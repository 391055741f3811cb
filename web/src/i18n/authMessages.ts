// What the sign-in API answers while a service it needs is down (a 503 with Retry-After).
export const AUTH_MESSAGES = {
  en: {
    "auth.unavailable.database": "The database did not answer, so you cannot sign in right now. Nothing is lost: try again in a minute.",
    "auth.unavailable.chain": "The blockchain did not answer, so your signature cannot be checked right now. Try again in a minute.",
    "auth.unavailable.index": "The publication's index did not answer, so you cannot sign in right now. Try again in a minute.",
    "auth.unavailable.ipfs": "IPFS did not answer, so you cannot sign in right now. Try again in a minute.",
  },
  ko: {
    "auth.unavailable.database":
      "데이터베이스가 응답하지 않아 지금은 로그인할 수 없습니다. 잃어버린 것은 없습니다. 잠시 후 다시 시도해 주세요.",
    "auth.unavailable.chain": "블록체인이 응답하지 않아 지금은 서명을 확인할 수 없습니다. 잠시 후 다시 시도해 주세요.",
    "auth.unavailable.index": "발행 색인이 응답하지 않아 지금은 로그인할 수 없습니다. 잠시 후 다시 시도해 주세요.",
    "auth.unavailable.ipfs": "IPFS가 응답하지 않아 지금은 로그인할 수 없습니다. 잠시 후 다시 시도해 주세요.",
  },
} as const satisfies Record<"en" | "ko", Record<string, string>>;
