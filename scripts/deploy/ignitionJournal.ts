import { join } from "node:path";
import type { PublicClient } from "viem";
import { LOCAL_CHAIN_ID } from "../../web/src/generated/contracts.ts";

const root = join(import.meta.dirname, "../..");

/**
 * Where a deploy keeps Ignition's journal, and under which deployment id. A real network has one
 * deployment, `ignition/deployments/topnftpost-<chainId>`, kept in git beside deployments/ so
 * whoever runs the deploy next resumes it. A local chain's journal lives with that chain's state,
 * in `<dataDir>/chain/ignition/` (so `npm run reset` deletes both), under an id taken from the
 * chain's genesis block: every stack, test run or fresh anvil has its own id and journal, and a
 * chain resumed from its saved state (same genesis) resumes its deploy too.
 */
export async function ignitionJournal(publicClient: PublicClient, chainId: number, dataDir = join(root, ".data")) {
  if (chainId !== LOCAL_CHAIN_ID) {
    const deploymentId = `topnftpost-${chainId}`;
    return { deploymentId, dir: join(root, "ignition", "deployments", deploymentId) };
  }
  const genesis = await publicClient.getBlock({ blockNumber: 0n });
  const deploymentId = `local-${genesis.hash.slice(2, 14)}`;
  return { deploymentId, dir: join(dataDir, "chain", "ignition", deploymentId) };
}
