// `node scripts/bench/searchBenchmark.ts [articles]`: the archive's queries (search, sections,
// sitemap, translations) over a synthetic catalog in an in-process PGlite, the indexer's default
// database, with the indexer's own tables, indexes and queries. Prints milliseconds per query
// (p50 / p99) and writes bench/results/search.json.
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { sampleMetadata } from "../../test/helpers/indexerStack.ts";
import { searchTerms } from "../../web/src/search/searchGrams.ts";
import { ensureMetadataTable, storeMetadata } from "../indexer/metadata/metadataTable.ts";
import { sectionCounts, sitemapEntries, storyVersions } from "../indexer/queries/catalogQueries.ts";
import { searchArticles } from "../indexer/queries/searchQueries.ts";
import type { SqlRunner } from "../indexer/sqlRunner.ts";

const ARTICLES = Number(process.argv[2] ?? 20_000);
const RUNS = 50;
const root = join(import.meta.dirname, "../..");

const KO = [
  "블록체인",
  "기술",
  "인천시",
  "부산",
  "서울",
  "지자체",
  "가상자산",
  "거래소",
  "규제",
  "특구",
  "메타버스",
  "시장",
  "동향",
  "발표",
  "정책",
];
const EN = [
  "Blockchain",
  "market",
  "Busan",
  "Seoul",
  "policy",
  "tokens",
  "exchange",
  "regulation",
  "NFT",
  "week",
  "council",
  "vote",
  "report",
];
let seed = 7;
const random = (n: number) => {
  seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31;
  return seed % n;
};
const pick = (words: string[], count: number, joiner: string) =>
  Array.from({ length: count }, () => words[random(words.length)]).join(joiner);

const db = new PGlite();
const sql: SqlRunner = (text, params) => db.query(text, params) as never;
await sql("create schema bench");
await sql(`create table bench.article (id numeric(78) primary key, publisher text, price numeric(78), max_supply numeric(78),
  minted numeric(78), sale_start numeric(78), sale_end numeric(78), wallet_cap integer, premium_level integer,
  published_at numeric(78), published_block numeric(78), unlisted_at numeric(78), unlisted_reason text)`);
await sql(`create table bench.article_revision (article_id numeric(78), revision integer, uri text, cid text, block_number numeric(78),
  timestamp numeric(78), primary key (article_id, revision))`);
await sql("create index on bench.article_revision (cid)");
await ensureMetadataTable(sql);

const started = performance.now();
for (let id = 1; id <= ARTICLES; id++) {
  const korean = id % 2 === 0;
  // Korean titles run words together, as headlines do; English ones are spaced.
  const title = korean ? `${pick(KO, 3, "")} ${pick(KO, 2, " ")} ${id}호` : `${pick(EN, 5, " ")} no. ${id}`;
  const metadata = sampleMetadata({
    title,
    slug: `a-${id}`,
    language: korean ? "ko" : "en",
    section: ["news", "policy", "markets"][id % 3],
  });
  metadata.description = korean ? pick(KO, 12, " ") : pick(EN, 14, " ");
  if (id % 100 === 1 && id > 1) metadata.properties.translation_of = `a-${id - 1}`;
  const cid = `cid-${id}`;
  await storeMetadata(sql, cid, metadata, { status: "pending" });
  await sql("insert into bench.article values ($1, '0x0', 1, 0, 0, 0, 1099511627775, 0, 0, $1, $1)", [id]);
  await sql("insert into bench.article_revision values ($1, 0, 'ipfs://' || $2, $2, $1, $1)", [id, cid]);
}
const loadMs = performance.now() - started;
const grams = (await db.query<{ n: number }>("select count(*)::int as n from ipfs_metadata.article_gram")).rows[0]!.n;

async function time(ask: () => Promise<unknown>) {
  const times: number[] = [];
  for (let run = 0; run < RUNS; run++) {
    const start = performance.now();
    await ask();
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  const at = (q: number) => Math.round(times[Math.min(times.length - 1, Math.floor(q * times.length))]! * 10) / 10;
  return { p50_ms: at(0.5), p99_ms: at(0.99) };
}
const search = (q: string, cursor?: bigint) => {
  const terms = searchTerms(q);
  if ("problem" in terms) throw new Error(q);
  return searchArticles(sql, "bench", { terms: terms.terms, cursor, limit: 10 });
};

const results = {
  articles: ARTICLES,
  gram_rows: grams,
  load_s: Math.round(loadMs / 100) / 10,
  search_korean_inside_word: await time(() => search("체인기")),
  search_korean_two_words: await time(() => search("부산 특구")),
  search_english_common: await time(() => search("blockchain")),
  search_english_rare: await time(() => search("no. 12345")),
  search_one_character: await time(() => search("호")),
  search_no_match: await time(() => search("zebracorn")),
  search_page_deep: await time(() => search("blockchain", BigInt(Math.floor(ARTICLES / 10)))),
  sections: await time(() => sectionCounts(sql, "bench")),
  sitemap_50000_ids: await time(async () => sitemapEntries(sql, "bench", 1n, 50_001n)),
  story_versions: await time(() => storyVersions(sql, "bench", "a-100")),
};
console.log(JSON.stringify(results, null, 2));
mkdirSync(join(root, "bench/results"), { recursive: true });
writeFileSync(join(root, "bench/results/search.json"), `${JSON.stringify(results, null, 2)}\n`);
await db.close();
