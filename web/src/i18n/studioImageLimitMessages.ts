// How many images one draft may hold (STUDIO_MAX_IMAGES_PER_DRAFT), as a refusal.
export const STUDIO_IMAGE_LIMIT_MESSAGES = {
  en: {
    "studio.image.error.tooMany": "This draft already holds {max} images, the most one draft may carry; nothing was stored.",
  },
  ko: {
    "studio.image.error.tooMany":
      "이 초안에는 이미 이미지가 {max}개로, 초안 하나에 넣을 수 있는 최대치입니다. 아무것도 저장하지 않았습니다.",
  },
} as const satisfies Record<"en" | "ko", Record<string, string>>;

export type StudioImageLimitMessageKey = keyof (typeof STUDIO_IMAGE_LIMIT_MESSAGES)["en"];
