// The PayoutChain of one payee on viem clients: the library page passes wagmi's wallet client and
// a reading client whose transport batches JSON-RPC, the tests a local account's wallet client.
// Relative imports only: Node loads this module in tests.
import type { Account, Address, Chain, PublicClient, Transport, WalletClient } from "viem";
import { withdrawEditionEarnings } from "../contracts/writes.ts";
import { articleEditionsAbi } from "../generated/contracts.ts";
import type { PayoutChain } from "./withdrawInBatches.ts";

/** Reads in flight at once for `owedEach` (a batching transport puts them in few HTTP requests). */
const READS_AT_ONCE = 64;

export function viemPayoutChain(options: {
  publicClient: PublicClient;
  walletClient: WalletClient<Transport, Chain | undefined, Account>;
  editions: Address;
  payee: Address;
}): PayoutChain {
  const { publicClient, walletClient, editions, payee } = options;
  const owed = (articleIds: readonly bigint[]) =>
    publicClient.readContract({ address: editions, abi: articleEditionsAbi, functionName: "owed", args: [payee, articleIds] });
  const call = (articleIds: readonly bigint[]) => {
    const { address, abi, functionName, args } = withdrawEditionEarnings(editions, payee, articleIds);
    return { address, abi, functionName, args };
  };
  return {
    owed,
    async owedEach(articleIds) {
      const amounts: bigint[] = new Array(articleIds.length);
      let next = 0;
      await Promise.all(
        Array.from({ length: Math.min(READS_AT_ONCE, articleIds.length) }, async () => {
          while (next < articleIds.length) {
            const at = next++;
            amounts[at] = await owed([articleIds[at]]);
          }
        }),
      );
      return amounts;
    },
    estimateWithdraw: (articleIds) => publicClient.estimateContractGas({ ...call(articleIds), account: walletClient.account }),
    blockGasLimit: async () => (await publicClient.getBlock({ blockTag: "latest" })).gasLimit,
    async withdraw(articleIds, gas) {
      const { request } = await publicClient.simulateContract({ ...call(articleIds), account: walletClient.account, gas });
      const hash = await walletClient.writeContract(request);
      const receipt = await publicClient.waitForTransactionReceipt({ hash });
      if (receipt.status !== "success") throw new Error(`The withdrawal ${hash} reverted.`);
    },
  };
}
