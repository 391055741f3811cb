import { join } from "node:path";
import type { WalletClient } from "viem";
import { loadArticleSource } from "../../web/src/content/loadArticleSource.ts";
import { closeSale, collectEdition } from "../../web/src/contracts/writes.ts";
import { articleEditionsAbi } from "../../web/src/generated/contracts.ts";
import { sendContractWrite } from "../content/contentChain.ts";
import { type PublishContext, publishArticleFile } from "../content/publishArticleFile.ts";

export const SEED_ARTICLES_DIR = join(import.meta.dirname, "articles");

/** The seeded articles, oldest first, and the state each one is brought to after publishing. */
export const SEED_ARTICLES = [
  { file: "local-governments-web3.ko.md" }, // premium from pass level 1 (the sample article)
  { file: "busan-blockchain-week.en.md" }, // free, with an image
  { file: "kaia-governance-council.en.md" }, // premium from pass level 2
  { file: "seoul-nft-ticketing.ko.md", afterwards: "sell-out" }, // 3 editions, all collected
  { file: "incheon-universe-explainer.en.md", afterwards: "close-sale" },
  { file: "web3-newsroom-editions.ko.md" }, // premium for edition holders only, two authors
  { file: "local-governments-web3.en.md" }, // free, the English translation of the first one
] as const;

/**
 * Publishes the seed articles that are not on chain yet and brings each to its planned state.
 * Safe to repeat: published content is found by its digest, and the follow-ups check first.
 */
export async function seedArticles(context: PublishContext, collectors: WalletClient[], log = console.log) {
  const { publicClient, editions } = context;
  const published = [];
  for (const seed of SEED_ARTICLES) {
    const source = await loadArticleSource(join(SEED_ARTICLES_DIR, seed.file));
    const result = await publishArticleFile(source, { ...context, log: (line) => log(`  ${line}`) });
    const [, sale] = await publicClient.readContract({
      address: editions,
      abi: articleEditionsAbi,
      functionName: "article",
      args: [result.articleId],
    });
    if ("afterwards" in seed && seed.afterwards === "sell-out") {
      for (const collector of collectors.slice(sale.minted, sale.maxSupply)) {
        await sendContractWrite(
          publicClient,
          collector,
          collectEdition(editions, result.articleId, sale.price, collector.account!.address),
        );
      }
      log(`  Article ${result.articleId} is sold out (${sale.maxSupply} editions).`);
    }
    if ("afterwards" in seed && seed.afterwards === "close-sale") {
      const { timestamp } = await publicClient.getBlock();
      if (BigInt(sale.saleEnd) > timestamp) {
        await sendContractWrite(publicClient, context.walletClient, closeSale(editions, result.articleId));
      }
      log(`  Article ${result.articleId}'s sale is closed.`);
    }
    published.push({ ...seed, source, ...result });
  }
  return published;
}
