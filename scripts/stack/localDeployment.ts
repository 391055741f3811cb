import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";

const deploymentFile = join(import.meta.dirname, "../../deployments/31337.json");

/**
 * True when deployments/31337.json names contracts that the local chain at `rpcUrl` holds: a
 * resumed chain needs no second deploy (which would start an empty publication beside the old).
 */
export async function isDeployedOn(rpcUrl: string) {
  if (!existsSync(deploymentFile)) return false;
  const { contracts } = JSON.parse(readFileSync(deploymentFile, "utf8")) as { contracts: Record<string, { address: string }> };
  const codes = await Promise.all(
    Object.values(contracts).map(async ({ address }) => {
      const response = await fetch(rpcUrl, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ jsonrpc: "2.0", id: 1, method: "eth_getCode", params: [address, "latest"] }),
      });
      return ((await response.json()) as { result?: string }).result ?? "0x";
    }),
  );
  return codes.length > 0 && codes.every((code) => code !== "0x");
}
