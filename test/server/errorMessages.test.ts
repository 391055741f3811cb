import { ContractFunctionRevertedError, encodeErrorResult, type Hex } from "viem";
import { describe, expect, it } from "vitest";
import { articleEditionsAbi, coverageDeskAbi, coverageGovernorAbi, membershipPassAbi } from "../../web/src/generated/contracts.ts";
import { LOCALES, MESSAGES } from "../../web/src/i18n/messages.ts";
import { describeError } from "../../web/src/wallet/describeError.ts";

// Errors no call of the dApp can raise: OpenZeppelin's internal invariants, views, batch transfers,
// signature plumbing, and the governor's clock and proposal-numbering guards.
const NEVER_SHOWN = new Set([
  "CheckpointUnorderedInsertion",
  "ECDSAInvalidSignature",
  "ECDSAInvalidSignatureLength",
  "ECDSAInvalidSignatureS",
  "SafeCastOverflowedUintDowncast",
  "StringTooLong",
  "InvalidShortString",
  "ERC5805FutureLookup",
  "ERC1155InvalidArrayLength",
  "ERC6372InconsistentClock",
  "GovernorAlreadyInitializedLatestProposalId",
]);

const contracts = {
  MembershipPass: membershipPassAbi,
  ArticleEditions: articleEditionsAbi,
  CoverageDesk: coverageDeskAbi,
  CoverageGovernor: coverageGovernorAbi,
} as const;
type AbiError = Extract<(typeof contracts)[keyof typeof contracts][number], { type: "error" }>;
const errors = new Map<string, { contract: keyof typeof contracts; error: AbiError }>();
for (const [contract, abi] of Object.entries(contracts) as [keyof typeof contracts, (typeof contracts)[keyof typeof contracts]][]) {
  for (const item of abi) if (item.type === "error" && !errors.has(item.name)) errors.set(item.name, { contract, error: item });
}
const shown = [...errors.keys()].filter((name) => !NEVER_SHOWN.has(name));
const placeholders = (template: string) => [...template.matchAll(/\{([^}]*)\}/g)].map((match) => match[1]);

/** A plausible argument of each Solidity type, so a revert can be encoded as the chain would. */
function sampleArgument(type: string): unknown {
  if (type === "address") return "0x70997970C51812dc3A010C7d01b50e0d17dc79C8";
  if (type.startsWith("uint") || type.startsWith("int")) return 7n;
  if (type === "bool") return true;
  if (type === "string") return "ipfs://x";
  if (type.startsWith("bytes")) return `0x${"ab".repeat(type === "bytes" ? 4 : Number(type.slice(5)))}`;
  throw new Error(`no sample for ${type}`);
}

describe("contract errors in the reader's language", () => {
  it.each(LOCALES)("gives every error the dApp can show a %s message", (locale) => {
    const missing = shown.filter((name) => !(`error.${name}` in MESSAGES[locale]));
    expect(missing).toEqual([]);
  });

  it("keeps no message for an error the contracts no longer have, nor a stale exclusion", () => {
    const messaged = Object.keys(MESSAGES.en).filter((key) => key.startsWith("error.") && /^error\.[A-Z]/.test(key));
    expect(messaged.filter((key) => !errors.has(key.slice("error.".length)))).toEqual([]);
    expect([...NEVER_SHOWN].filter((name) => !errors.has(name))).toEqual([]);
  });

  it.each(shown)("fills %s's placeholders only from its own arguments, in both languages", (name) => {
    const { error } = errors.get(name)!;
    for (const locale of LOCALES) {
      for (const placeholder of placeholders(MESSAGES[locale][`error.${name}` as keyof (typeof MESSAGES)["en"]])) {
        expect(placeholder, `${locale} {${placeholder}}`).toMatch(/^\d+$/);
        expect(Number(placeholder), `${locale} {${placeholder}} of ${error.inputs.length} arguments`).toBeLessThan(error.inputs.length);
      }
    }
  });

  it.each(shown)("turns a real %s revert into its message, with nothing left unfilled", (name) => {
    const { contract, error } = errors.get(name)!;
    const abi = contracts[contract];
    const data = encodeErrorResult({ abi, errorName: name, args: error.inputs.map((input) => sampleArgument(input.type)) } as never) as Hex;
    const revert = new ContractFunctionRevertedError({ abi, data, functionName: "purchase" });
    for (const locale of LOCALES) {
      const text = describeError(revert, locale);
      expect(text).not.toMatch(/\{\d+\}/);
      expect(text).not.toContain(name); // the generic fallback names the error; a real message does not
    }
  });
});
