import { type PublicClient, testActions, type WalletClient } from "viem";
import type { ContractWrite } from "../../../web/src/contracts/contractWrite.ts";

/**
 * Sends `calls` from the wallet with consecutive nonces while anvil does not mine, then mines
 * until the last one is in: many transactions to a block, as a busy chain carries them (and the
 * index meets them). A fixed gas limit per call: no estimate each, so 10,000 go out in minutes.
 * Throws if the last one reverted (the calls are alike: the first failure shows there).
 */
export async function sendManyToABlock(publicClient: PublicClient, walletClient: WalletClient, calls: ContractWrite[], gas: bigint) {
  const account = walletClient.account!;
  const anvil = publicClient.extend(testActions({ mode: "anvil" }));
  let nonce = await publicClient.getTransactionCount({ address: account.address, blockTag: "pending" });
  let last: `0x${string}` | undefined;
  await anvil.setAutomine(false);
  try {
    for (const call of calls) {
      last = await walletClient.writeContract({ ...call, account, chain: walletClient.chain, nonce: nonce++, gas } as never);
    }
    let receipt = await publicClient.getTransactionReceipt({ hash: last! }).catch(() => null);
    while (!receipt) {
      await anvil.mine({ blocks: 1 });
      receipt = await publicClient.getTransactionReceipt({ hash: last! }).catch(() => null);
    }
    if (receipt.status !== "success") throw new Error(`Bulk transaction ${last} reverted.`);
  } finally {
    await anvil.setAutomine(true);
  }
}
