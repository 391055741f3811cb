import type { KuboRPCClient } from "kubo-rpc-client";
import type {
  Abi,
  Account,
  Chain,
  Address,
  ContractFunctionArgs,
  ContractFunctionName,
  ContractFunctionReturnType,
  PublicClient,
  SimulateContractParameters,
  WalletClient,
} from "viem";
import type { ContractWrite, WriteMutability } from "../../web/src/contracts/contractWrite.ts";
import type { ArticleReader } from "../../web/src/content/createArticleReader.ts";

/** What every content command works with: the chain, the editions contract, IPFS and a reader. */
export interface ContentChain {
  publicClient: PublicClient;
  walletClient: WalletClient;
  chainId: number;
  editions: Address;
  ipfs: Pick<KuboRPCClient, "add" | "pin">;
  reader: ArticleReader;
  log?: (line: string) => void;
}

export interface WriteHooks {
  /**
   * Called with the nonce the transaction will carry, before it is sent: a caller that records it
   * can tell afterwards whether a send it never heard back from reached the chain.
   */
  beforeSend?: (nonce: number) => Promise<void>;
  onSent?: (hash: `0x${string}`) => void | Promise<void>;
  /** How long to wait for the receipt (viem's default, 180 s, unless given; 0 waits for ever). */
  receiptTimeoutMs?: number;
}

/**
 * One contract write the way every command makes it: simulated first (a revert names its custom
 * error before anything is signed), sent from `walletClient`'s account, and awaited to a
 * successful receipt.
 */
export async function sendContractWrite<
  const abi extends Abi,
  functionName extends ContractFunctionName<abi, WriteMutability>,
  const args extends ContractFunctionArgs<abi, WriteMutability, functionName>,
>(publicClient: PublicClient, walletClient: WalletClient, call: ContractWrite<abi, functionName, args>, hooks: WriteHooks = {}) {
  const account = walletClient.account;
  if (!account) throw new Error("The wallet client has no account to send from.");
  // Checked against its ABI by the caller's types; widened once here, where viem's generics
  // cannot follow this function's.
  const widened = { ...call, account } as unknown as SimulateContractParameters<
    Abi,
    string,
    readonly unknown[],
    Chain | undefined,
    Chain | undefined,
    Account
  >;
  const { request, result } = await publicClient.simulateContract(widened);
  let nonce: number | undefined;
  if (hooks.beforeSend) {
    nonce = await publicClient.getTransactionCount({ address: account.address, blockTag: "pending" });
    await hooks.beforeSend(nonce);
  }
  const hash = await walletClient.writeContract({ ...request, nonce, chain: walletClient.chain });
  await hooks.onSent?.(hash);
  const receipt = await publicClient.waitForTransactionReceipt({ hash, timeout: hooks.receiptTimeoutMs });
  if (receipt.status !== "success") throw new Error(`Transaction ${hash} (${call.functionName}) reverted.`);
  return { hash, receipt, result: result as ContractFunctionReturnType<abi, WriteMutability, functionName, args> };
}
