// The newsroom studio's strings (/studio, its editor and team pages, and its API's refusals).
export const STUDIO_MESSAGES = {
  en: {
    "nav.studio": "Studio",
    "studio.title": "Newsroom studio",
    "studio.error.signIn": "Sign in with your wallet to use the studio.",
    "studio.error.notInTeam": "This wallet is not on the newsroom's team. Ask an editor to add you as a writer.",
    "studio.error.editorsOnly": "Only editors (wallets holding the publisher role) can do this.",
    "studio.error.notYours": "This draft belongs to another writer.",
    "studio.error.notFound": "There is no such draft.",
    "studio.error.wrongState": "This draft cannot do that in its current state ({state}).",
    "studio.error.conflict": "This draft was saved elsewhere (another tab or device) since you opened it. Your text was not saved.",
    "studio.error.tooLarge": "Too large: a draft's Markdown may be at most 1 MB.",
    "studio.error.badInput": "The request is malformed: {detail}",
    "studio.error.invalid": "The article is not ready: {field}: {problem}",
    "studio.error.unavailable": "The studio could not reach the database or the chain; nothing was changed. Try again in a moment.",
  },
  ko: {
    "nav.studio": "스튜디오",
    "studio.title": "뉴스룸 스튜디오",
    "studio.error.signIn": "스튜디오를 쓰려면 지갑으로 로그인하세요.",
    "studio.error.notInTeam": "이 지갑은 뉴스룸 팀에 없습니다. 편집자에게 기자로 추가해 달라고 요청하세요.",
    "studio.error.editorsOnly": "편집자(발행 권한을 가진 지갑)만 할 수 있습니다.",
    "studio.error.notYours": "다른 기자의 초안입니다.",
    "studio.error.notFound": "그런 초안이 없습니다.",
    "studio.error.wrongState": "지금 상태({state})의 초안에서는 할 수 없습니다.",
    "studio.error.conflict": "이 초안을 연 뒤 다른 곳(다른 탭이나 기기)에서 저장했습니다. 지금 쓴 내용은 저장되지 않았습니다.",
    "studio.error.tooLarge": "너무 큽니다: 초안의 마크다운은 최대 1MB입니다.",
    "studio.error.badInput": "요청 형식이 잘못되었습니다: {detail}",
    "studio.error.invalid": "아직 발행할 수 없습니다: {field}: {problem}",
    "studio.error.unavailable":
      "스튜디오가 데이터베이스나 블록체인에 닿지 못했습니다. 아무것도 바뀌지 않았습니다. 잠시 뒤 다시 시도하세요.",
  },
} as const satisfies Record<"en" | "ko", Record<string, string>>;

export type StudioMessageKey = keyof (typeof STUDIO_MESSAGES)["en"];
