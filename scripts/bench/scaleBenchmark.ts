// `npm run bench:scale [-- --sizes 10,1000,10000]`: the reader dApp as the catalog grows. On a
// fresh local stack (production build, free ports, a throwaway data folder), for each size the
// publication is filled with free articles straight through the contracts and IPFS
// (scale/bulkPublish.ts), then:
// - publish_ms: one `npm run publish:article` of a real article, as its own log times it;
// - front_page_shows_published_ms: from the CLI's "Published article" (its block mined) until the
//   stack's front page, reloaded every 25 ms, lists it (index, caches and page cache together);
// - fresh_server_first_page_ms: a new web server's first front page (cold caches);
// - front_p50_ms, front_p99_ms, front_rps, front_non_200: the front page under autocannon,
//   10 connections for 10 s, as readers get it (the web server's page cache on);
// - front_render_p50_ms, front_render_p99_ms, front_render_rps: the same with the page cache off,
//   every view rendered from the index: what the page cache stands in front of;
// - article_p99_ms: article pages of random bench articles, same load (few are in the page cache
//   at 1,000 articles and more); article_render_p99_ms the same with the page cache off;
// - chain_calls_per_page_view, ipfs_fetches_per_page_view: what an anonymous view of those pages
//   cost, counted by proxies in front of the chain RPC and the IPFS gateway;
// - index_listed_all_s: from the last bulk block until the index lists every article (measured
//   first, so the pages are measured on a settled index); settled_after_listed_s: how long the
//   stack then kept the CPU busy (the rest is measured once it is idle, as a newsroom's day is,
//   not in the middle of a 10,000-article import).
// Prints the figures and writes bench/results/scale.json as {"sizes": {"10": {...}, ...}}.
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parseArgs } from "node:util";
import autocannon from "autocannon";
import { createPublicClient, createWalletClient, http } from "viem";
import { mnemonicToAccount } from "viem/accounts";
import { foundry } from "viem/chains";
import { LOCAL_CHAIN_ID } from "../../web/src/generated/contracts.ts";
import { createIndexReader } from "../../web/src/indexer/createIndexReader.ts";
import { ipfsClient } from "../../web/src/ipfs/ipfsEndpoints.ts";
import { startLocalStack } from "../stack/localStack.ts";
import { bulkPublish } from "./scale/bulkPublish.ts";
import { publishAndWatchFrontPage } from "./scale/publishAndWatchFrontPage.ts";
import { startCountingProxy } from "./scale/countingProxy.ts";
import { startFreshWebServer } from "./scale/freshWebServer.ts";
import { waitUntilIdle } from "./scale/waitUntilIdle.ts";

const { values } = parseArgs({ options: { sizes: { type: "string", default: "10,1000,10000" } } });
const sizes = values
  .sizes!.split(",")
  .map(Number)
  .sort((a, b) => a - b);
const CONNECTIONS = 10;
const SECONDS = 10;
const ARTICLE = join(import.meta.dirname, "../../test/content/fixtures/premium-with-image/article.en.md");
const publisher = mnemonicToAccount("test test test test test test test test test test test junk", { addressIndex: 0 });

const dataDir = mkdtempSync(join(tmpdir(), "topnftpost-scale-"));
const stack = await startLocalStack({
  dataDir,
  ports: { chain: 0, ipfsApi: 0, ipfsGateway: 0, ipfsSwarm: 0, database: 0, indexer: 0, web: 0 },
  web: { distDir: ".next", testWallet: false },
  quiet: true,
  log: (line) => console.log(`[stack] ${line}`),
});
const chain = { ...foundry, id: LOCAL_CHAIN_ID, rpcUrls: { default: { http: [stack.rpcUrl] } } };
const publicClient = createPublicClient({ chain, transport: http() });
const walletClient = createWalletClient({ account: publisher, chain, transport: http() });
// Written by the stack's deploy, after this module's generated constants were loaded.
const { contracts } = JSON.parse(readFileSync(join(import.meta.dirname, "../../deployments/31337.json"), "utf8"));
const editions = contracts.ArticleEditions.address as `0x${string}`;

async function load(url: string, paths: () => string) {
  let good = 0;
  let other = 0;
  const result = await autocannon({
    url,
    connections: CONNECTIONS,
    duration: SECONDS,
    requests: [{ method: "GET", setupRequest: (request) => ({ ...request, path: paths() }) }],
  } as autocannon.Options);
  for (const [status, count] of Object.entries(result.statusCodeStats ?? {})) {
    if (status === "200") good += count.count ?? 0;
    else other += count.count ?? 0;
  }
  return { p50: result.latency.p50, p99: result.latency.p99, rps: Math.round(good / SECONDS), other, total: good + other };
}

/** The front page, an article page and what they cost, on a server started cold. */
async function measurePages() {
  const chainProxy = await startCountingProxy(stack.rpcUrl);
  const gatewayProxy = await startCountingProxy(stack.ipfsGateway);
  const server = await startFreshWebServer(stack, chainProxy.url, gatewayProxy.url);
  try {
    const started = performance.now();
    const first = await fetch(server.url);
    const firstPageMs = Math.round(performance.now() - started);
    if (first.status !== 200) console.warn(`  the fresh server's first front page answered ${first.status}`);
    await load(server.url, () => "/"); // warm
    chainProxy.reset();
    gatewayProxy.reset();
    const front = await load(server.url, () => "/");
    const frontChainCalls = chainProxy.counts.calls;
    const frontIpfs = gatewayProxy.counts.requests;
    chainProxy.reset();
    gatewayProxy.reset();
    const article = await load(server.url, randomArticlePath);
    const views = front.total + article.total;
    return {
      ...(await measureRenders()),
      front_p50_ms: front.p50,
      front_p99_ms: front.p99,
      front_rps: front.rps,
      front_non_200: front.other,
      article_p99_ms: article.p99,
      article_non_200: article.other,
      chain_calls_per_page_view: Math.round(((frontChainCalls + chainProxy.counts.calls) / Math.max(1, views)) * 100) / 100,
      ipfs_fetches_per_page_view: Math.round(((frontIpfs + gatewayProxy.counts.requests) / Math.max(1, views)) * 100) / 100,
      fresh_server_first_page_ms: firstPageMs,
    };
  } finally {
    server.stop();
    await chainProxy.stop();
    await gatewayProxy.stop();
  }
}

/** An article page picked at random from the whole catalog (so mostly not in the page cache). */
const randomArticlePath = () =>
  benchSlugs.length === 0 ? "/articles/scale-bench-10" : `/articles/${benchSlugs[Math.floor(Math.random() * benchSlugs.length)]}`;

/** The front page with the page cache off: every view rendered (from the index). */
async function measureRenders() {
  const server = await startFreshWebServer(stack, stack.rpcUrl, stack.ipfsGateway, 0);
  try {
    await load(server.url, () => "/"); // warm
    const front = await load(server.url, () => "/");
    const article = await load(server.url, randomArticlePath);
    return {
      front_render_p50_ms: front.p50,
      front_render_p99_ms: front.p99,
      front_render_rps: front.rps,
      article_render_p99_ms: article.p99,
    };
  } finally {
    server.stop();
  }
}

/** Waits until the index lists every slug (its metadata fetched); returns the seconds it took. */
async function waitUntilListed(slugs: string[]) {
  const index = createIndexReader({ url: stack.indexerUrl, timeoutMs: 5_000 });
  const started = Date.now();
  for (let at = slugs.length - 1; at >= 0; at--) {
    while (!(await index.articleBySlug(slugs[at]).catch(() => undefined))) await new Promise((resolve) => setTimeout(resolve, 250));
  }
  return Math.round((Date.now() - started) / 100) / 10;
}

/** Every bench article's slug, for article pages picked at random. */
const benchSlugs: string[] = [];
const results: { sizes: Record<string, Record<string, number>> } = { sizes: {} };
try {
  for (const size of sizes) {
    const started = Date.now();
    benchSlugs.push(
      ...(await bulkPublish(
        { publicClient, walletClient, editions, ipfs: ipfsClient(stack.ipfsApi), siteUrl: stack.siteUrl },
        size,
        (done) => process.stdout.write(`\r  publishing bench articles: ${done} of ${size}`),
      )),
    );
    console.log(`\n${size} articles on chain (${Math.round((Date.now() - started) / 1000)} s)`);
    const listedIn = await waitUntilListed(benchSlugs);
    console.log(`  every article listed by the index ${listedIn} s after the last block`);
    const settledIn = await waitUntilIdle();
    console.log(`  the stack settled (CPU under 25% for 2 s) ${settledIn} s later`);
    const title = `Scale bench at ${size}`;
    const { lines, frontPageShowsItMs } = await publishAndWatchFrontPage(
      [ARTICLE, `--title=${title}`, `--slug=scale-bench-${size}`],
      title,
      stack,
    );
    for (const line of lines) if (/^\[[\d.]+s\]/.test(line)) console.log(`  publish: ${line}`);
    const published = lines.find((line) => /\] Published article/.test(line));
    const publishMs = published ? Math.round(Number(/^\[([\d.]+)s\]/.exec(published)![1]) * 1000) : Number.NaN;
    const figures = {
      ...(await measurePages()),
      publish_ms: publishMs,
      front_page_shows_published_ms: frontPageShowsItMs,
      index_listed_all_s: listedIn,
      settled_after_listed_s: settledIn,
    };
    results.sizes[String(size)] = figures;
    console.log(
      `  front page ${figures.front_rps} req/s, p50 ${figures.front_p50_ms} ms, p99 ${figures.front_p99_ms} ms (${figures.front_non_200} not 200);` +
        ` rendering every view: ${figures.front_render_rps} req/s, p99 ${figures.front_render_p99_ms} ms;` +
        ` article p99 ${figures.article_p99_ms} ms; first page of a fresh server ${figures.fresh_server_first_page_ms} ms;` +
        ` ${figures.chain_calls_per_page_view} chain calls and ${figures.ipfs_fetches_per_page_view} IPFS fetches a view; publish ${publishMs} ms, on the front page ${frontPageShowsItMs} ms after its block`,
    );
  }
} finally {
  await stack.stop();
  rmSync(dataDir, { recursive: true, force: true });
}
const out = join(import.meta.dirname, "../../bench/results/scale.json");
mkdirSync(join(out, ".."), { recursive: true });
writeFileSync(out, `${JSON.stringify(results, null, 2)}\n`);
console.log(`Wrote ${out}`);
process.exit(0);
