import type { KuboRPCClient } from "kubo-rpc-client";
import type { Abi, Address, PublicClient, WalletClient } from "viem";
import type { ArticleReader } from "../../web/src/content/createArticleReader.ts";

/** What every content command works with: the chain, the editions contract, IPFS and a reader. */
export interface ContentChain {
  publicClient: PublicClient;
  walletClient: WalletClient;
  chainId: number;
  editions: Address;
  ipfs: Pick<KuboRPCClient, "add">;
  reader: ArticleReader;
  log?: (line: string) => void;
}

/**
 * One contract write the way every command makes it: simulated first (a revert names its custom
 * error before anything is signed), sent from `walletClient`'s account, and awaited to a
 * successful receipt.
 */
export async function sendContractWrite(
  publicClient: PublicClient,
  walletClient: WalletClient,
  call: { address: Address; abi: Abi; functionName: string; args: readonly unknown[]; value?: bigint },
  onSent?: (hash: `0x${string}`) => void,
) {
  const { request, result } = await publicClient.simulateContract({ ...call, account: walletClient.account! } as never);
  const hash = await walletClient.writeContract(request as never);
  onSent?.(hash);
  const receipt = await publicClient.waitForTransactionReceipt({ hash });
  if (receipt.status !== "success") throw new Error(`Transaction ${hash} (${call.functionName}) reverted.`);
  return { hash, receipt, result: result as unknown };
}
