import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { errorDeploymentResultToExceptionMessage, HardhatArtifactResolver } from "@nomicfoundation/hardhat-ignition/helpers";
import {
  type DeploymentParameters,
  DeploymentResultType,
  deploy,
  type EIP1193Provider,
  type ExecutionEventListener,
  type IgnitionModule,
  listTransactions,
} from "@nomicfoundation/ignition-core";
import type { HardhatViemHelpers } from "@nomicfoundation/hardhat-viem/types";
import { artifacts } from "hardhat";
import { forgetUnsentSteps } from "./forgetUnsentSteps.ts";
import { type Address, getAddress, type Hash } from "viem";

export interface IgnitionRunOptions {
  /**
   * The deployment's journal folder: a deploy interrupted at any step resumes from it when run
   * again, and one that finished does nothing. Omitted: the journal stays in memory (an
   * in-process test chain, which cannot outlive the process anyway).
   */
  journalDir?: string;
  /** Called as each step (a contract deployed, a call confirmed) completes, with its Ignition id. */
  onStep?: (futureId: string) => void;
}

/** A deployed contract: its address and the block of its deployment transaction. */
export interface DeployedContract {
  contractName: string;
  address: Address;
  blockNumber: bigint;
}

/**
 * Runs an Ignition module with ignition-core's `deploy()` against the chain `viem` talks to (the
 * same EIP-1193 provider: Hardhat's in-process chain, anvil or a real network), as its first
 * account. Returns the module's contracts by Ignition id, or throws Ignition's own explanation.
 */
export async function runIgnition(
  viem: HardhatViemHelpers,
  ignitionModule: IgnitionModule,
  deploymentParameters: DeploymentParameters,
  options: IgnitionRunOptions = {},
): Promise<Record<string, DeployedContract>> {
  const publicClient = await viem.getPublicClient();
  // The client's transport holds the connection's raw provider, errors and all, as Ignition expects.
  const provider = publicClient.transport as unknown as EIP1193Provider;
  const accounts = (await viem.getWalletClients()).map((wallet) => wallet.account.address);
  if (options.journalDir) {
    await refuseStaleJournal(viem, options.journalDir);
    for (const step of forgetUnsentSteps(options.journalDir)) console.log(`  ${step} had started but sent nothing: it starts again`);
  }

  const confirmed = new Map<string, Hash>();
  const executionEventListener = listener({
    transactionConfirm: ({ futureId, hash }) => confirmed.set(futureId, hash as Hash),
    deploymentExecutionStateComplete: ({ futureId }) => options.onStep?.(futureId),
    callExecutionStateComplete: ({ futureId }) => options.onStep?.(futureId),
  });
  const artifactResolver = new HardhatArtifactResolver(artifacts);
  const result = await deploy({
    provider,
    artifactResolver,
    ignitionModule,
    deploymentParameters,
    accounts,
    deploymentDir: options.journalDir,
    executionEventListener,
  });
  if (result.type !== DeploymentResultType.SUCCESSFUL_DEPLOYMENT) {
    throw new Error(`The deploy stopped: ${errorDeploymentResultToExceptionMessage(result)}`);
  }

  // Deployment transactions of earlier runs are in the journal; this run's were just confirmed.
  const deployHashes = new Map<Address, Hash>();
  if (options.journalDir) {
    for (const tx of await listTransactions(options.journalDir, artifactResolver)) {
      if (tx.address) deployHashes.set(getAddress(tx.address), tx.txHash as Hash);
    }
  }
  for (const [futureId, hash] of confirmed) {
    const contract = result.contracts[futureId];
    if (contract) deployHashes.set(getAddress(contract.address), hash);
  }
  const entries = await Promise.all(
    Object.entries(result.contracts).map(async ([futureId, { contractName, address }]) => {
      const hash = deployHashes.get(getAddress(address));
      if (!hash) throw new Error(`${futureId}: no deployment transaction recorded for ${address}`);
      const { blockNumber } = await publicClient.getTransactionReceipt({ hash });
      return [futureId, { contractName, address: getAddress(address), blockNumber }] as const;
    }),
  );
  return Object.fromEntries(entries);
}

/**
 * A journal records contracts on one chain: if the chain no longer holds them (a local chain
 * started over), resuming would "succeed" with addresses that hold nothing.
 */
async function refuseStaleJournal(viem: HardhatViemHelpers, journalDir: string) {
  const addressesFile = join(journalDir, "deployed_addresses.json");
  if (!existsSync(addressesFile)) return;
  const publicClient = await viem.getPublicClient();
  const recorded = JSON.parse(readFileSync(addressesFile, "utf8")) as Record<string, Address>;
  for (const [futureId, address] of Object.entries(recorded)) {
    const code = await publicClient.getCode({ address });
    if (!code || code === "0x") {
      throw new Error(
        `The Ignition journal ${journalDir} records ${futureId} at ${address}, which this chain does not hold: ` +
          "it belongs to another chain (or one that was started over). Move it away to deploy afresh.",
      );
    }
  }
}

/** An Ignition event listener that handles the events named and ignores the rest. */
function listener(handlers: Partial<{ [K in keyof ExecutionEventListener]: (event: Parameters<ExecutionEventListener[K]>[0]) => void }>) {
  return new Proxy({} as ExecutionEventListener, {
    // Not a thenable: `then` stays undefined, so awaiting the listener never calls into it.
    get: (_, name) =>
      name === "then"
        ? undefined
        : async (event: never) => (handlers as Record<string | symbol, ((event: never) => void) | undefined>)[name]?.(event),
  });
}
