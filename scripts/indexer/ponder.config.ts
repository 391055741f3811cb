// The indexer's Ponder project: `ponder start --root scripts/indexer --schema <name>` (see
// scripts/indexer/startIndexer.ts). It follows whatever deployments/<CHAIN_ID>.json names.
import { createConfig } from "ponder";
import {
  articleEditionsAbi,
  coverageDeskAbi,
  coverageGovernorAbi,
  LOCAL_CHAIN_ID,
  membershipPassAbi,
} from "../../web/src/generated/contracts.ts";
import { indexerSettings } from "./indexerSettings.ts";

const settings = indexerSettings();

export default createConfig({
  database:
    settings.database.kind === "postgres"
      ? { kind: "postgres", connectionString: settings.database.url, poolConfig: { max: 8 } }
      : { kind: "pglite", directory: settings.database.directory },
  chains: {
    publication: {
      id: settings.chainId,
      rpc: settings.rpcUrl,
      pollingInterval: settings.pollingMs,
      // The local chain is reset at will under the same chain id: Ponder must not reuse cached blocks.
      disableCache: settings.chainId === LOCAL_CHAIN_ID,
    },
  },
  contracts: {
    ArticleEditions: {
      chain: "publication",
      abi: articleEditionsAbi,
      address: settings.editions.address,
      startBlock: settings.editions.startBlock,
    },
    MembershipPass: { chain: "publication", abi: membershipPassAbi, address: settings.pass.address, startBlock: settings.pass.startBlock },
    CoverageGovernor: {
      chain: "publication",
      abi: coverageGovernorAbi,
      address: settings.governor.address,
      startBlock: settings.governor.startBlock,
    },
    CoverageDesk: { chain: "publication", abi: coverageDeskAbi, address: settings.desk.address, startBlock: settings.desk.startBlock },
  },
});
