import type { Address, PublicClient } from "viem";
import { articleEditionsAbi } from "../generated/contracts.ts";
import { fetchVerified, type GatewayOptions, parseIpfsUri } from "../ipfs/fetchVerified.ts";
import type { ArticleMetadata } from "./articleMetadata.ts";
import { articleIdentity, open } from "./contentCrypto.ts";
import { ContentError } from "./contentError.ts";
import { decodeText, fetchArticleMetadata } from "./fetchArticleMetadata.ts";
import { isUnknownArticle } from "./isUnknownArticle.ts";
import { type MasterKeyring, unwrapDataKey } from "./masterKey.ts";

export interface ArticleReaderOptions {
  publicClient: Pick<PublicClient, "readContract">;
  chainId: number;
  editions: Address;
  keyring: MasterKeyring;
  gateway: GatewayOptions;
}

const MAX_CACHED = 2_000;
/**
 * The largest free preview (or proposal description) read: a draft is at most 1 MB. A proposer
 * names any CID on chain, and the page must not load, render and keep whatever size it names.
 */
export const MAX_PREVIEW_BYTES = 2 * 1024 * 1024;

/** Remembers public, immutable IPFS content by CID. Never holds premium plaintext. */
function immutableCache<T>() {
  const entries = new Map<string, Promise<T>>();
  return (key: string, load: () => Promise<T>) => {
    let entry = entries.get(key);
    if (!entry) {
      if (entries.size >= MAX_CACHED) entries.delete(entries.keys().next().value!);
      entry = load();
      entries.set(key, entry);
      entry.catch(() => entries.delete(key));
    }
    return entry;
  };
}

/**
 * Reads articles the way the server shows them: the on-chain record, its metadata and free
 * preview from IPFS, and the premium part fetched by CID, checked against it, and decrypted.
 * It never decides access: callers ask `canRead` first.
 */
export function createArticleReader(options: ArticleReaderOptions) {
  const metadataCache = immutableCache<ArticleMetadata>();
  const previewCache = immutableCache<string>();
  // Ciphertext is public and immutable once its CID checked out; plaintext is never kept.
  const sealedCache = immutableCache<Uint8Array>();

  async function record(articleId: bigint) {
    try {
      const [uri, sale, terms, authors] = await options.publicClient.readContract({
        address: options.editions,
        abi: articleEditionsAbi,
        functionName: "article",
        args: [articleId],
      });
      return { uri, sale, terms, authors };
    } catch (error) {
      if (isUnknownArticle(error)) {
        throw new ContentError("unknown-article", `There is no article ${articleId}.`);
      }
      throw new ContentError("unavailable", `The chain did not answer for article ${articleId}.`, { cause: error });
    }
  }

  async function metadataAt(uri: string, articleId: bigint) {
    const cid = parseIpfsUri(uri, `article ${articleId}'s token URI`);
    return metadataCache(cid.toString(), () => fetchArticleMetadata(cid, `article ${articleId}`, options.gateway));
  }

  async function article(articleId: bigint) {
    const onChain = await record(articleId);
    return { articleId, ...onChain, metadata: await metadataAt(onChain.uri, articleId) };
  }

  async function preview(metadata: ArticleMetadata) {
    return previewByCid(metadata.properties.preview.cid);
  }

  /** The free preview's Markdown by its CID (what the index stores of an article). */
  async function previewByCid(cid: string) {
    return previewCache(cid, async () =>
      decodeText(
        await fetchVerified(parseIpfsUri(`ipfs://${cid}`, "preview"), "the free preview", {
          ...options.gateway,
          maxBytes: MAX_PREVIEW_BYTES,
        }),
        "The preview",
      ),
    );
  }

  /** The premium Markdown, or null when the article has none. */
  async function premium(metadata: ArticleMetadata) {
    const envelope = metadata.properties.premium;
    if (!envelope) return null;
    const identity = articleIdentity(options.chainId, options.editions, metadata.properties.content_digest);
    const dataKey = unwrapDataKey(options.keyring, envelope.key_id, envelope.wrapped_key, identity);
    const sealed = await sealedCache(envelope.cid, () =>
      fetchVerified(parseIpfsUri(`ipfs://${envelope.cid}`, "premium part"), "the premium part", options.gateway),
    );
    try {
      return decodeText(open(dataKey, Buffer.from(envelope.iv, "base64"), sealed, identity, "The premium part"), "The premium part");
    } finally {
      dataKey.fill(0);
    }
  }

  return { record, article, metadataAt, preview, previewByCid, premium };
}

export type ArticleReader = ReturnType<typeof createArticleReader>;
