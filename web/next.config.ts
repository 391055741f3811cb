import { join } from "node:path";
import type { NextConfig } from "next";
import { z } from "zod";

// Settings fixed when the web app is built. Next.js writes each `process.env.NEXT_PUBLIC_*` into
// the browser's JavaScript as a literal, so browser code names them directly (createWagmiConfig.ts);
// they are validated here first, so a bad value stops the build naming the variable. This is
// web/src/config/readEnv.ts written out: Next's loader for this file resolves relative imports
// from the working directory, not from web/, so it can import packages only.
const buildSchema = z.object({
  /** Where this build goes (test builds and benchmarks keep theirs beside the production one). */
  NEXT_DIST_DIR: z.string().default(".next"),
  /** "1" only in the browser tests' and benchmarks' builds: adds wagmi's mock connector. */
  NEXT_PUBLIC_TEST_WALLET: z.enum(["0", "1"], { message: 'must be "1" (test builds) or unset' }).optional(),
  /** A WalletConnect Cloud project id: adds the WalletConnect connector. */
  NEXT_PUBLIC_WALLETCONNECT_PROJECT_ID: z.string().regex(/^\S+$/, "must be a WalletConnect project id, without spaces").optional(),
});

export function readBuildEnv(env: Record<string, string | undefined> = process.env) {
  const present = Object.fromEntries(Object.keys(buildSchema.shape).map((name) => [name, env[name] || undefined]));
  const parsed = buildSchema.safeParse(present);
  if (parsed.success) return parsed.data;
  throw new Error(`Bad web build settings: ${parsed.error.issues.map((issue) => `${issue.path.join(".")}: ${issue.message}`).join("; ")}`);
}

const buildEnv = readBuildEnv();

const config: NextConfig = {
  // One package.json and lock file at the repository root: resolve modules from there.
  turbopack: { root: join(import.meta.dirname, "..") },
  outputFileTracingRoot: join(import.meta.dirname, ".."),
  // `npm run typecheck` checks web/ with the rest of the repository; no second pass in the build.
  typescript: { ignoreBuildErrors: true },
  // Test builds (browser tests, benchmarks) live beside the production build, never in it.
  distDir: buildEnv.NEXT_DIST_DIR,
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
