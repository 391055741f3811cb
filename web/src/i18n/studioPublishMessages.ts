// Publishing from the studio: the editor's publish panel on a draft, and its API's refusals.
export const STUDIO_PUBLISH_MESSAGES = {
  en: {
    "studio.publish.title": "Publish",
    "studio.publish.hint":
      "The server packages and encrypts the article and uploads it to IPFS; then your wallet signs the publish transaction.",
    "studio.publish.prepare": "Package and upload",
    "studio.publish.send": "Sign and publish",
    "studio.publish.abandon": "Abandon this publish",
    "studio.publish.abandoned": "The publish was abandoned; nothing was sent.",
    "studio.publish.confirming": "Waiting for the transaction to be mined…",
    "studio.publish.done": "Published as article #{id}.",
    "studio.publish.readLive": "Read it live",
    "studio.publish.indexLag": "It appears on the front page once the index has caught up (a few seconds).",
    "studio.publish.error.notPrepared": "Nothing is ready to sign for this draft: package and upload it first.",
    "studio.publish.error.notPublished": "That transaction did not publish this article; nothing was published. Try again.",
    "studio.publish.error.failed": "The publish failed on the server: {detail}",
  },
  ko: {
    "studio.publish.title": "발행",
    "studio.publish.hint": "서버가 글을 패키징·암호화해 IPFS에 올린 뒤, 편집자의 지갑이 발행 트랜잭션에 서명합니다.",
    "studio.publish.prepare": "패키징하고 업로드",
    "studio.publish.send": "서명하고 발행",
    "studio.publish.abandon": "이 발행 취소",
    "studio.publish.abandoned": "발행을 취소했습니다. 아무것도 전송되지 않았습니다.",
    "studio.publish.confirming": "트랜잭션이 블록에 담기기를 기다리는 중…",
    "studio.publish.done": "기사 #{id}(으)로 발행했습니다.",
    "studio.publish.readLive": "발행된 기사 보기",
    "studio.publish.indexLag": "인덱스가 따라잡으면(몇 초) 첫 페이지에 나타납니다.",
    "studio.publish.error.notPrepared": "이 초안에는 서명할 발행이 준비되어 있지 않습니다. 먼저 패키징하고 업로드하세요.",
    "studio.publish.error.notPublished": "그 트랜잭션은 이 기사를 발행하지 않았습니다. 아무것도 발행되지 않았습니다. 다시 시도하세요.",
    "studio.publish.error.failed": "서버에서 발행에 실패했습니다: {detail}",
  },
} as const satisfies Record<"en" | "ko", Record<string, string>>;

export type StudioPublishMessageKey = keyof (typeof STUDIO_PUBLISH_MESSAGES)["en"];
