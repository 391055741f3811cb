import { articleIdentity } from "../../web/src/content/contentCrypto.ts";
import { type MasterKey, type MasterKeyring, unwrapDataKey, wrapDataKey } from "../../web/src/content/masterKey.ts";
import { articleEditionsAbi } from "../../web/src/generated/contracts.ts";
import { reviseArticle } from "../../web/src/contracts/writes.ts";
import { type ContentChain, sendContractWrite } from "./contentChain.ts";

export interface RewrapContext extends ContentChain {
  /** Every key the articles may be wrapped under now. */
  keyring: MasterKeyring;
}

/**
 * Re-wraps every premium article's data key under `target` and revises its metadata on chain.
 * The premium ciphertext stays as it is: only the small metadata JSON is uploaded again.
 * Articles already under `target` are skipped, so an interrupted rotation resumes where it stopped.
 */
export async function rewrapArticles(target: MasterKey, context: RewrapContext) {
  const log = context.log ?? (() => {});
  const { publicClient, editions } = context;
  const count = await publicClient.readContract({ address: editions, abi: articleEditionsAbi, functionName: "articleCount" });
  let rewrapped = 0;
  for (let articleId = 1n; articleId <= count; articleId++) {
    const { metadata } = await context.reader.article(articleId);
    const premium = metadata.properties.premium;
    if (!premium || premium.key_id === target.id) continue;
    const identity = articleIdentity(context.chainId, editions, metadata.properties.content_digest);
    const dataKey = unwrapDataKey(context.keyring, premium.key_id, premium.wrapped_key, identity);
    const revised = {
      ...metadata,
      properties: {
        ...metadata.properties,
        premium: { ...premium, key_id: target.id, wrapped_key: wrapDataKey(target, dataKey, identity) },
      },
    };
    dataKey.fill(0);
    const { cid } = await context.ipfs.add(new TextEncoder().encode(JSON.stringify(revised, null, 2)), { pin: true, cidVersion: 0 });
    await sendContractWrite(publicClient, context.walletClient, reviseArticle(editions, articleId, `ipfs://${cid}`));
    rewrapped++;
    log(`Article ${articleId}: data key re-wrapped under ${target.id}, metadata revised to ipfs://${cid}`);
  }
  return { rewrapped, articles: Number(count) };
}
