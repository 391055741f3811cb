import { readFileSync } from "node:fs";
import { join } from "node:path";
import { createPublicClient, createWalletClient, http, type Address } from "viem";
import { mnemonicToAccount } from "viem/accounts";
import { hardhat } from "viem/chains";
import { deployments } from "../../web/src/generated/contracts.ts";

/** The stack globalSetup started, and handles on its chain. */
export function webStack() {
  const raw = process.env.TOPNFTPOST_TEST_STACK;
  if (!raw) throw new Error("TOPNFTPOST_TEST_STACK is missing: run these tests through `npx playwright test`.");
  const stack = JSON.parse(raw) as { rpcUrl: string; siteUrl: string; ipfsGateway: string; dataDir: string };
  const chain = { ...hardhat, rpcUrls: { default: { http: [stack.rpcUrl] } } };
  const publicClient = createPublicClient({ chain, transport: http(stack.rpcUrl) });
  return {
    ...stack,
    chain,
    publicClient,
    pass: deployments[31337].MembershipPass.address as Address,
    editions: deployments[31337].ArticleEditions.address as Address,
    sessionSecret: () => readFileSync(join(stack.dataDir, "keys", "session.key"), "utf8").trim(),
  };
}

const MNEMONIC = "test test test test test test test test test test test junk";

/** Hardhat's funded account #index, as a local signer and a wallet client on the test chain. */
export function testAccount(index: number) {
  const stack = webStack();
  const account = mnemonicToAccount(MNEMONIC, { addressIndex: index });
  return { account, wallet: createWalletClient({ account, chain: stack.chain, transport: http(stack.rpcUrl) }) };
}

/** Moves the chain's clock forward and mines a block, as time passing would. */
export async function advanceChainTime(seconds: number) {
  const { publicClient } = webStack();
  await publicClient.request({ method: "evm_increaseTime" as never, params: [seconds] as never });
  await publicClient.request({ method: "evm_mine" as never, params: [] as never });
}

export const SAMPLE_PREMIUM_SENTENCE = "인천 유니버스 프로젝트는 향후 온라인 메타버스 공간";
export const EDITION_ONLY_PREMIUM_SENTENCE = "에디션의 메타데이터에는 기사 본문의 콘텐츠 식별자(CID)가 담긴다";
export const LEVEL_TWO_PREMIUM_SENTENCE = "A change to Kaia starts as a written proposal";
