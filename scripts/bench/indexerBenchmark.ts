// `npm run bench:indexer`: how soon the index follows the chain, on anvil with the stack's polling
// interval: block to indexed (chain facts), block to listed (metadata stored), how fast a burst of
// publishes is caught up, and the front page's latency from the index. Writes bench/results/indexer.json.
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { publishParams, sampleMetadata, startIndexerStack } from "../../test/helpers/indexerStack.ts";

const SINGLE = 20;
const BURST = 300;
const FRONT_PAGE_REQUESTS = 200;
const root = join(import.meta.dirname, "../..");

const quantile = (values: number[], q: number) =>
  [...values].sort((a, b) => a - b)[Math.min(values.length - 1, Math.floor(q * values.length))]!;
const round = (ms: number) => Math.round(ms * 10) / 10;

const stack = await startIndexerStack({ INDEXER_POLLING_MS: "250" });
try {
  const [admin, , authorA, authorB] = stack.wallets;
  const authors = [authorA!.account.address, authorB!.account.address] as const;
  let n = 0;
  async function publish() {
    const slug = `bench-${n++}`;
    const uri = `ipfs://${await stack.metadataCid(sampleMetadata({ title: slug, slug }))}`;
    const hash = await stack.editions.write.publish([publishParams(uri, authors)], { account: admin!.account });
    return { slug, hash };
  }
  async function until(condition: () => Promise<boolean>) {
    // Polled every 20 ms: often enough to time the index, rarely enough not to slow it down.
    while (!(await condition())) await new Promise((resolve) => setTimeout(resolve, 20));
    return performance.now();
  }

  const indexedMs: number[] = [];
  const listedMs: number[] = [];
  for (let i = 0; i < SINGLE; i++) {
    const { slug, hash } = await publish();
    const { blockNumber } = await stack.confirm(hash);
    const mined = performance.now();
    indexedMs.push((await until(async () => ((await stack.index.status())?.blockNumber ?? 0n) >= blockNumber)) - mined);
    listedMs.push((await until(async () => (await stack.index.articleBySlug(slug)) !== undefined)) - mined);
  }

  const burstStart = performance.now();
  let last = { slug: "", hash: "0x" as `0x${string}` };
  for (let i = 0; i < BURST; i++) last = await publish();
  const { blockNumber } = await stack.confirm(last.hash);
  const sent = performance.now();
  await until(async () => ((await stack.index.status())?.blockNumber ?? 0n) >= blockNumber);
  const caughtUp = performance.now();
  await until(async () => (await stack.index.articleBySlug(last.slug)) !== undefined);
  const allListed = performance.now();

  const frontMs: number[] = [];
  for (let i = 0; i < FRONT_PAGE_REQUESTS; i++) {
    const start = performance.now();
    await stack.index.listArticles({ limit: 10, language: i % 2 ? "en" : undefined });
    frontMs.push(performance.now() - start);
  }

  const results = {
    polling_interval_ms: 250,
    block_to_indexed_ms: { p50: round(quantile(indexedMs, 0.5)), max: round(Math.max(...indexedMs)) },
    block_to_listed_ms: { p50: round(quantile(listedMs, 0.5)), max: round(Math.max(...listedMs)) },
    burst: {
      articles: BURST,
      publish_ms: round(sent - burstStart),
      indexed_after_last_block_ms: round(caughtUp - sent),
      listed_after_last_block_ms: round(allListed - sent),
    },
    front_page_ms: { articles: SINGLE + BURST, p50: round(quantile(frontMs, 0.5)), p99: round(quantile(frontMs, 0.99)) },
  };
  console.log(JSON.stringify(results, null, 2));
  mkdirSync(join(root, "bench/results"), { recursive: true });
  writeFileSync(join(root, "bench/results/indexer.json"), `${JSON.stringify(results, null, 2)}\n`);
} finally {
  await stack.stop();
}
