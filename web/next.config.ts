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
  // The Postgres driver stays a plain Node module (its optional native binding confuses bundlers).
  serverExternalPackages: ["pg"],
  // No framing (a wallet prompt under someone else's page is a clickjacking trap), no plugins, no
  // MIME sniffing, no full URLs leaking to other sites.
  async headers() {
    return [
      {
        source: "/:path*",
        headers: [
          { key: "Content-Security-Policy", value: "frame-ancestors 'none'; object-src 'none'; base-uri 'self'; form-action 'self'" },
          { key: "X-Frame-Options", value: "DENY" },
          { key: "X-Content-Type-Options", value: "nosniff" },
          { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
        ],
      },
    ];
  },
  reactStrictMode: true,
};

export default config;
