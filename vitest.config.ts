import { join } from "node:path";
import { defineConfig } from "vitest/config";

// vitest runs the TypeScript suites outside Hardhat; test/contracts belongs to `hardhat test`.
export default defineConfig({
  // The dApp's own modules import each other as `@/...` (web/tsconfig.json): resolve them the same way.
  resolve: { alias: [{ find: /^@\//, replacement: `${join(import.meta.dirname, "web/src")}/` }] },
  test: {
    include: [
      "test/ipfs/**/*.test.ts",
      "test/content/**/*.test.ts",
      "test/server/**/*.test.ts",
      "test/markdown/**/*.test.ts",
      "test/stack/**/*.test.ts",
      "test/setup/**/*.test.ts",
      "test/config/**/*.test.ts",
      "test/indexer/**/*.test.ts",
    ],
    // Tests that need a Postgres server run where one is given (.ci/postgres-tests), never skipped.
    exclude: ["**/node_modules/**", ...(process.env.TEST_DATABASE_URL ? [] : ["**/*.postgres.test.ts"])],
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
