// The relay's refusal of a vote that would cost it more gas than its cap (web/src/dao/relay/checkVote.ts).
export const RELAY_GAS_MESSAGES = {
  en: {
    "relay.tooCostly": "This vote would cost the relay {gas} gas, over its limit of {max} gas: vote with your own transaction.",
  },
  ko: {
    "relay.tooCostly": "이 투표는 릴레이에 {gas} 가스가 들어 한도인 {max} 가스를 넘습니다. 직접 트랜잭션으로 투표하세요.",
  },
} as const satisfies Record<"en" | "ko", Record<string, string>>;
