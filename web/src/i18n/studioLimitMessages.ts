// The studio's per-member limits (STUDIO_MAX_OPEN_DRAFTS, STUDIO_MAX_COMMENTS_PER_DRAFT), as refusals.
export const STUDIO_LIMIT_MESSAGES = {
  en: {
    "studio.error.tooManyDrafts":
      "You already have {max} unpublished drafts, the most one writer may keep. Delete or finish one first; nothing was saved.",
    "studio.error.tooManyComments": "This draft already has {max} comments, the most one draft may carry; nothing was saved.",
  },
  ko: {
    "studio.error.tooManyDrafts":
      "발행하지 않은 초안이 이미 {max}개로, 기자 한 명이 둘 수 있는 최대치입니다. 먼저 하나를 지우거나 마무리하세요. 아무것도 저장되지 않았습니다.",
    "studio.error.tooManyComments": "이 초안에는 이미 댓글이 {max}개로, 초안 하나에 달 수 있는 최대치입니다. 아무것도 저장되지 않았습니다.",
  },
} as const satisfies Record<"en" | "ko", Record<string, string>>;

export type StudioLimitMessageKey = keyof (typeof STUDIO_LIMIT_MESSAGES)["en"];
