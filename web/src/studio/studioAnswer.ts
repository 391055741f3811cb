import type { StudioLimitMessageKey } from "../i18n/studioLimitMessages.ts";
import type { StudioMessageKey } from "../i18n/studioMessages.ts";
import type { StudioImageMessageKey } from "../i18n/studioImageMessages.ts";
import type { StudioImageLimitMessageKey } from "../i18n/studioImageLimitMessages.ts";
import type { StudioPublishMessageKey } from "../i18n/studioPublishMessages.ts";
import type { DESK_MESSAGES } from "../i18n/deskMessages.ts";
import type { ReviseMessageKey } from "../i18n/reviseMessages.ts";

/** What a studio route answers: a status and a JSON body; a refusal names its message key. */
export interface StudioAnswer {
  status: number;
  body: Record<string, unknown>;
}

export const ok = (body: Record<string, unknown>, status = 200): StudioAnswer => ({ status, body });

/** A refusal: `error` is the message key the page shows in the reader's language. */
export const refuse = (
  status: number,
  error:
    | StudioMessageKey
    | StudioPublishMessageKey
    | StudioLimitMessageKey
    | StudioImageMessageKey
    | ReviseMessageKey
    | StudioImageLimitMessageKey
    | keyof typeof DESK_MESSAGES.en,
  detail: Record<string, unknown> = {},
): StudioAnswer => ({
  status,
  body: { error, ...detail },
});
