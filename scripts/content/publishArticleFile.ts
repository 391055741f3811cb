import { formatEther, parseEventLogs } from "viem";
import type { ArticleSource } from "../../web/src/content/loadArticleSource.ts";
import type { MasterKey } from "../../web/src/content/masterKey.ts";
import { packageArticle } from "../../web/src/content/packageArticle.ts";
import { publishArticle } from "../../web/src/contracts/writes.ts";
import { articleEditionsAbi } from "../../web/src/generated/contracts.ts";
import { type ContentChain, sendContractWrite } from "./contentChain.ts";
import { findPublishedArticle } from "./findPublishedArticle.ts";
import type { PackageCache } from "./packageCache.ts";
import { publishParams, resolveAuthors } from "./publishParams.ts";

export interface PublishContext extends ContentChain {
  masterKey: MasterKey;
  siteUrl: string;
  cache?: PackageCache;
}

export interface PublishResult {
  articleId: bigint;
  metadataCid: string;
  transactionHash?: `0x${string}`;
  alreadyPublished: boolean;
}

function describeSource(source: ArticleSource) {
  const { title, language, edition, premium } = source.frontmatter;
  const access = !premium ? "free" : premium.tier === "edition" ? "premium for edition holders" : `premium from pass level ${premium.tier}`;
  const supply = edition.max_supply === 0 ? "open edition" : `${edition.max_supply} editions`;
  return `"${title}" (${language}, ${access}, ${formatEther(edition.price_wei)} ETH, ${supply})`;
}

/**
 * Publishes a validated article: finds it on chain if this exact content is already there,
 * otherwise packages it to IPFS (or reuses the package made before) and calls `publish`.
 */
export async function publishArticleFile(source: ArticleSource, context: PublishContext): Promise<PublishResult> {
  const log = context.log ?? (() => {});
  const { publicClient, editions } = context;
  const account = context.walletClient.account;
  if (!account) throw new Error("The wallet client has no account to publish with.");
  log(`Checked ${source.slug}: ${describeSource(source)}`);

  const count = await publicClient.readContract({ address: editions, abi: articleEditionsAbi, functionName: "articleCount" });
  log(`Looking for this content among ${count} published articles`);
  const existing = await findPublishedArticle(context.reader, count, source.contentDigest, (warning) => log(`  ${warning}`));
  if (existing) {
    log(`Already published as article ${existing.articleId} (${existing.uri}); nothing new to publish.`);
    return { articleId: existing.articleId, metadataCid: existing.uri.slice("ipfs://".length), alreadyPublished: true };
  }

  const cacheKey = `${context.chainId}:${editions.toLowerCase()}:${context.masterKey.id}:${source.contentDigest}`;
  let metadataCid = await context.cache?.get(cacheKey);
  if (metadataCid) {
    const cached = await context.reader.metadataAt(`ipfs://${metadataCid}`, 0n).catch(() => null);
    if (cached?.properties.content_digest === source.contentDigest) log(`Reusing the package uploaded before: ${metadataCid}`);
    else metadataCid = undefined;
  }
  if (!metadataCid) {
    const packaged = await packageArticle(source, {
      ipfs: context.ipfs,
      masterKey: context.masterKey,
      chainId: context.chainId,
      editions,
      authors: resolveAuthors(source, account.address).map(({ name, address }) => ({ name, address })),
      siteUrl: context.siteUrl,
      onStep: (step) => log(step),
    });
    metadataCid = packaged.metadataCid;
    await context.cache?.set(cacheKey, metadataCid);
  }

  const treasury = await publicClient.readContract({ address: editions, abi: articleEditionsAbi, functionName: "treasury" });
  const { hash: transactionHash, receipt } = await sendContractWrite(
    publicClient,
    context.walletClient,
    publishArticle(editions, publishParams(source, metadataCid, account.address, treasury)),
    (hash) => log(`Sent the publish transaction ${hash}; waiting for it to be mined`),
  );
  // The id comes from the mined event, never from the simulation: another publish landing first
  // takes the id the simulation saw.
  const [published] = parseEventLogs({ abi: articleEditionsAbi, eventName: "ArticlePublished", logs: receipt.logs }).filter(
    (event) => event.address.toLowerCase() === editions.toLowerCase(),
  );
  if (!published) {
    throw new Error(
      `The publish transaction ${transactionHash} was mined without an ArticlePublished event from ${editions}, so the article was not published.`,
    );
  }
  const { articleId } = published.args;
  log(`Published article ${articleId} in block ${receipt.blockNumber}`);
  return { articleId, metadataCid, transactionHash, alreadyPublished: false };
}
