// Requests whose body is larger than its route reads (sign-in, a proposal's description), as refusals.
export const BODY_LIMIT_MESSAGES = {
  en: {
    "auth.error.tooLarge": "This sign-in request is far larger than a message and its signature; nothing was read.",
    "new.error.tooLarge": "This request is far larger than a topic and a 20,000-character description; nothing was stored.",
  },
  ko: {
    "auth.error.tooLarge": "로그인 요청이 메시지와 서명보다 훨씬 큽니다. 아무것도 읽지 않았습니다.",
    "new.error.tooLarge": "요청이 주제와 20,000자 설명보다 훨씬 큽니다. 아무것도 저장하지 않았습니다.",
  },
} as const satisfies Record<"en" | "ko", Record<string, string>>;
