import { createRequire } from "node:module";
import hardhatToolboxViemPlugin from "@nomicfoundation/hardhat-toolbox-viem";
import { configVariable, defineConfig } from "hardhat/config";

// Compile offline with the npm `solc` package: Hardhat loads a non-binary `path` as solcjs and
// skips its compiler download, which this machine's closed network would refuse.
const require = createRequire(import.meta.url);
const solcjsPath = require.resolve("solc/soljson.js");
const solcVersion: string = require("solc/package.json").version;
// `npm run test:deep` sets this: 1,000 runs for every fuzz and invariant test instead of the quick profile.
const deep = process.env.TOPNFTPOST_DEEP_TESTS === "1";

export default defineConfig({
  plugins: [hardhatToolboxViemPlugin],
  solidity: {
    // The DAO's timelock is OpenZeppelin's own, deployed as is: build its artifact too.
    npmFilesToBuild: ["@openzeppelin/contracts/governance/TimelockController.sol"],
    profiles: {
      default: {
        version: solcVersion,
        path: solcjsPath,
        settings: { optimizer: { enabled: true, runs: 200 }, evmVersion: "cancun" },
      },
      production: {
        version: solcVersion,
        path: solcjsPath,
        settings: { optimizer: { enabled: true, runs: 200 }, evmVersion: "cancun" },
      },
    },
  },
  paths: {
    tests: { solidity: "./test/contracts", nodejs: "./test/contracts" },
  },
  test: {
    solidity: {
      fuzz: { runs: deep ? 1_000 : 256 },
      invariant: { runs: deep ? 1_000 : 64, depth: 32, failOnRevert: false },
    },
  },
  networks: {
    hardhatMainnet: { type: "edr-simulated", chainType: "l1", hardfork: "cancun" },
    // `npm start` sets CHAIN_RPC_URL when 8545 is taken and the local chain runs elsewhere.
    localhost: { type: "http", chainType: "l1", url: process.env.CHAIN_RPC_URL ?? "http://127.0.0.1:8545" },
    kairos: {
      type: "http",
      chainType: "l1",
      chainId: 1001,
      url: configVariable("KAIROS_RPC_URL"),
      accounts: [configVariable("KAIROS_PRIVATE_KEY")],
    },
    kaia: {
      type: "http",
      chainType: "l1",
      chainId: 8217,
      url: configVariable("KAIA_RPC_URL"),
      accounts: [configVariable("KAIA_PRIVATE_KEY")],
    },
  },
});
