import { defineConfig } from "vitest/config";

// vitest runs the TypeScript suites outside Hardhat; test/contracts belongs to `hardhat test`.
export default defineConfig({
  test: {
    include: ["test/ipfs/**/*.test.ts", "test/content/**/*.test.ts", "test/server/**/*.test.ts", "test/config/**/*.test.ts"],
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
