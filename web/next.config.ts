import { join } from "node:path";
import type { NextConfig } from "next";

const config: NextConfig = {
  // One package.json and lock file at the repository root: resolve modules from there.
  turbopack: { root: join(import.meta.dirname, "..") },
  outputFileTracingRoot: join(import.meta.dirname, ".."),
  // `npm run typecheck` checks web/ with the rest of the repository; no second pass in the build.
  typescript: { ignoreBuildErrors: true },
  // Test builds (browser tests, benchmarks) live beside the production build, never in it.
  distDir: process.env.NEXT_DIST_DIR || ".next",
  poweredByHeader: false,
  reactStrictMode: true,
};

export default config;
