import "server-only";
import { BaseError } from "viem";
import type { PremiumAnswer, UnlockOptions } from "@/api/premiumAnswer.ts";
import { ContentError } from "@/content/contentError.ts";
import { isUnknownArticle } from "@/content/isUnknownArticle.ts";
import { tiersUnlocking } from "@/content/tiersUnlocking.ts";
import { canReadNow } from "./canReadNow.ts";
import { findArticle, listTiers } from "./catalog.ts";
import type { ArticleMetadata } from "@/content/articleMetadata.ts";
import { articleReader, reloadArticleReader } from "./publication.ts";
import { readSession } from "./session.ts";

const refuse = (status: 400 | 401 | 404 | 500 | 503, error: string): PremiumAnswer => ({ status, body: { error } });

/** What would unlock an article: the tiers at or above its level that are on sale, and its edition. */
async function unlockOptions(articleId: number): Promise<UnlockOptions> {
  const article = await findArticle(String(articleId));
  if (!article) return {};
  const tiers = tiersUnlocking(await listTiers(), article.premiumLevel);
  const { sale } = article;
  return {
    level: article.premiumLevel,
    tiers: tiers.map((t) => ({ id: t.id, name: t.name, price: t.price.toString(), duration: t.duration, level: t.level })),
    edition: {
      price: sale.price.toString(),
      remaining: sale.maxSupply === 0 ? null : sale.maxSupply - sale.minted,
      saleStart: sale.saleStart,
      saleEnd: sale.saleEnd,
      walletCap: sale.walletCap,
    },
  };
}

/** Decrypts; after a key rotation on this machine, picks up the new key file once and retries. */
async function readPremium(metadata: ArticleMetadata) {
  try {
    return await (await articleReader()).premium(metadata);
  } catch (error) {
    if (!(error instanceof ContentError) || error.code !== "wrong-master-key") throw error;
    reloadArticleReader();
    return (await articleReader()).premium(metadata);
  }
}

/**
 * The premium gate. Access is the on-chain `canRead` at the latest block, asked on every
 * request, so an expired, transferred or sold pass or edition locks the reader out at once.
 */
export async function premiumAccess(idParam: string, sessionToken: string | undefined): Promise<PremiumAnswer> {
  const session = await readSession(sessionToken);
  if (!session) return refuse(401, "Sign in with your wallet to read premium articles.");
  if (!/^[1-9]\d{0,9}$/.test(idParam)) return refuse(400, `"${idParam.slice(0, 40)}" is not an article id.`);
  const articleId = Number(idParam);

  let allowed: boolean;
  try {
    allowed = await canReadNow(session.address, BigInt(articleId));
  } catch (error) {
    if (isUnknownArticle(error)) return refuse(404, `There is no article ${articleId}.`);
    return refuse(503, "The blockchain did not answer, so access cannot be checked. Try again shortly.");
  }
  if (!allowed) {
    return {
      status: 403,
      body: {
        error: "Your wallet holds neither a pass of the required level nor an edition of this article.",
        unlock: await unlockOptions(articleId).catch(() => ({})),
      },
    };
  }

  try {
    const article = await findArticle(String(articleId));
    if (!article) return refuse(404, `There is no article ${articleId}.`);
    const markdown = await readPremium(article.metadata);
    if (markdown === null) return refuse(404, `Article ${articleId} has no premium part.`);
    // Markdown, not HTML: the reader's browser renders and sanitizes it (DOMPurify on the real
    // DOM), which keeps this hot path to one chain view and one decryption.
    return { status: 200, body: { articleId, markdown } };
  } catch (error) {
    if (error instanceof ContentError && (error.code === "unavailable" || error.code === "not-found")) {
      return refuse(503, "The article's content could not be fetched from IPFS. Try again shortly.");
    }
    if (error instanceof ContentError) {
      console.error(`Premium part of article ${articleId} refused: ${error.code}`);
      return refuse(500, "The article's premium part failed its integrity check and is not shown.");
    }
    if (error instanceof BaseError) return refuse(503, "The blockchain did not answer. Try again shortly.");
    throw error;
  }
}
