// `npm run bench:content`: the content pipeline against a real embedded IPFS node on loopback.
// - package_upload_50kb_ms: p50 of packaging a 50 KB article (parse result in hand; encrypt the
//   premium part, wrap its key, upload preview, ciphertext, title card and metadata), no chain.
// - premium_read_50kb_ms: p50 of reading a 50 KB premium part from a warm node: fetch from the
//   gateway, check the bytes against the CID, unwrap the key, decrypt (details also give the
//   web server's case, where the checked ciphertext is already in memory).
// - upload_mb_per_s: a 5 MB image through kubo-rpc-client `add`, median of 3.
// Prints the figures and writes bench/results/content.json.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { randomBytes } from "node:crypto";
import { createArticleReader } from "../../web/src/content/createArticleReader.ts";
import type { ArticleSource } from "../../web/src/content/loadArticleSource.ts";
import { newMasterKey } from "../../web/src/content/masterKey.ts";
import { packageArticle } from "../../web/src/content/packageArticle.ts";
import { ipfsClient } from "../../web/src/ipfs/ipfsEndpoints.ts";
import { ipfsConfig } from "../ipfs/ipfsConfig.ts";
import { startIpfs } from "../ipfs/startIpfs.ts";

const ROUNDS = 40;
const EDITIONS = "0x0000000000000000000000000000000000000001";
const percentile = (values: number[], p: number) => [...values].sort((a, b) => a - b)[Math.ceil((p / 100) * values.length) - 1];
const round = (value: number) => Math.round(value * 100) / 100;

/** About `bytes` of Markdown mixing Korean and English paragraphs, unique per `seed`. */
function prose(bytes: number, seed: number) {
  const paragraphs = [
    `인천시는 블록체인 기술 허브 도시를 목표로 시민 참여형 웹3.0 서비스를 준비하고 있다 (${seed}).`,
    `Busan's regulation-free zone lets port operators share tamper-evident records (${seed}).`,
    `서울시는 블록체인 전문 인력을 채용하고 시민 서비스에 기술을 접목해 왔다 (${seed}).`,
  ];
  let text = "";
  for (let i = 0; Buffer.byteLength(text) < bytes; i++) text += `${paragraphs[i % 3]} ${i}\n\n`;
  return text;
}

function benchSource(seed: number, freeBytes: number, premiumBytes: number): ArticleSource {
  return {
    slug: `bench-${seed}`,
    contentDigest: seed.toString(16).padStart(64, "0"),
    free: prose(freeBytes, seed),
    premium: prose(premiumBytes, seed + 1_000_000),
    images: [],
    frontmatter: {
      title: `Benchmark article ${seed}`,
      summary: "A 50 KB article for the content benchmark.",
      language: "en",
      publication: "TopNFTpost",
      section: "bench",
      tags: [],
      published: new Date("2024-01-01"),
      edition: { price_wei: 0n, max_supply: 0, wallet_cap: 0, royalty_bps: 0, referral_bps: 0, treasury_bps: 10_000 },
      premium: { tier: 1 },
    },
  };
}

const dataDir = mkdtempSync(join(tmpdir(), "topnftpost-bench-ipfs-"));
const ipfs = await startIpfs(ipfsConfig({ IPFS_DATA_DIR: dataDir, IPFS_API_PORT: "0", IPFS_GATEWAY_PORT: "0", IPFS_SWARM_PORT: "0" }));
try {
  const client = ipfsClient(ipfs.apiUrl);
  const masterKey = newMasterKey();
  const context = { ipfs: client, masterKey, chainId: 31337, editions: EDITIONS, authors: [], siteUrl: "http://localhost:3000" };

  const packageTimes: number[] = [];
  let lastPackage: Awaited<ReturnType<typeof packageArticle>> | undefined;
  for (let i = 0; i < ROUNDS + 5; i++) {
    const source = benchSource(i, 25 * 1024, 25 * 1024);
    const started = performance.now();
    lastPackage = await packageArticle(source, context);
    if (i >= 5) packageTimes.push(performance.now() - started);
  }

  // The reader's chain client is never asked here: premium() works from metadata in hand.
  const newReader = () =>
    createArticleReader({
      publicClient: { readContract: () => Promise.reject(new Error("not used")) } as never,
      chainId: 31337,
      editions: EDITIONS,
      keyring: { current: masterKey, all: [masterKey] },
      gateway: { gatewayUrl: ipfs.gatewayUrl, timeoutMs: 5_000 },
    });
  const premiumSource = benchSource(999, 1024, 50 * 1024);
  const { metadata } = await packageArticle(premiumSource, context);
  // A fresh reader each round, so every read fetches, verifies and decrypts (the node is warm).
  const readTimes: number[] = [];
  // One long-lived reader: the ciphertext, checked once, comes from its memory (the web server's case).
  const cachedTimes: number[] = [];
  const serverReader = newReader();
  for (let i = 0; i < ROUNDS + 5; i++) {
    const reader = newReader();
    let started = performance.now();
    const text = await reader.premium(metadata);
    if (i >= 5) readTimes.push(performance.now() - started);
    if (text !== premiumSource.premium) throw new Error("the premium part did not round-trip");
    started = performance.now();
    await serverReader.premium(metadata);
    if (i >= 5) cachedTimes.push(performance.now() - started);
  }

  const image = randomBytes(5 * 1024 * 1024);
  const uploadRates: number[] = [];
  for (let i = 0; i < 3; i++) {
    image[0] = i; // a new file each time, so no block is already stored
    const started = performance.now();
    await client.add(image, { pin: true, cidVersion: 0 });
    uploadRates.push(5 / ((performance.now() - started) / 1000));
  }

  const results = {
    package_upload_50kb_ms: round(percentile(packageTimes, 50)),
    premium_read_50kb_ms: round(percentile(readTimes, 50)),
    upload_mb_per_s: round(percentile(uploadRates, 50)),
    details: {
      rounds: ROUNDS,
      package_upload_50kb_p99_ms: round(percentile(packageTimes, 99)),
      premium_read_50kb_p99_ms: round(percentile(readTimes, 99)),
      premium_read_50kb_cached_ciphertext_ms: round(percentile(cachedTimes, 50)),
      last_metadata_cid: lastPackage?.metadataCid,
    },
  };
  console.log("Content pipeline (embedded IPFS node on 127.0.0.1):");
  console.log(`  package + encrypt + upload 50 KB   p50 ${results.package_upload_50kb_ms} ms   (aim < 50 ms)`);
  console.log(`  premium read 50 KB (warm)          p50 ${results.premium_read_50kb_ms} ms   (aim < 10 ms)`);
  console.log(`  upload of a 5 MB image             ${results.upload_mb_per_s} MB/s`);
  const out = join(import.meta.dirname, "../../bench/results/content.json");
  mkdirSync(join(out, ".."), { recursive: true });
  writeFileSync(out, `${JSON.stringify(results, null, 2)}\n`);
  console.log(`Wrote ${out}`);
} finally {
  await ipfs.stop();
  rmSync(dataDir, { recursive: true, force: true });
}
process.exit(0);
