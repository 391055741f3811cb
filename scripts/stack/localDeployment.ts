import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { type Address, createPublicClient, http } from "viem";

const deploymentFile = join(import.meta.dirname, "../../deployments/31337.json");

/**
 * True when deployments/31337.json names contracts that the local chain at `rpcUrl` holds: a
 * resumed chain needs no second deploy (which would start an empty publication beside the old).
 */
export async function isDeployedOn(rpcUrl: string) {
  if (!existsSync(deploymentFile)) return false;
  const { contracts } = JSON.parse(readFileSync(deploymentFile, "utf8")) as { contracts: Record<string, { address: Address }> };
  const client = createPublicClient({ transport: http(rpcUrl) });
  const codes = await Promise.all(Object.values(contracts).map(({ address }) => client.getCode({ address })));
  return codes.length > 0 && codes.every((code) => code !== undefined && code !== "0x");
}
