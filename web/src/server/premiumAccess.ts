import "server-only";
import { BaseError, ContractFunctionRevertedError } from "viem";
import { ContentError } from "../content/contentError.ts";
import { canReadNow } from "./canReadNow.ts";
import { findArticle, listTiers } from "./catalog.ts";
import type { ArticleMetadata } from "../content/articleMetadata.ts";
import { articleReader, reloadArticleReader } from "./publication.ts";
import { readSession } from "./session.ts";

export interface GateAnswer {
  status: 200 | 400 | 401 | 403 | 404 | 500 | 503;
  body: Record<string, unknown>;
}

const EDITION_ONLY = 255;
const answer = (status: GateAnswer["status"], error: string, extra: Record<string, unknown> = {}): GateAnswer => ({
  status,
  body: { error, ...extra },
});

function isUnknownArticle(error: unknown) {
  const revert = error instanceof BaseError && error.walk((e) => e instanceof ContractFunctionRevertedError);
  return revert instanceof ContractFunctionRevertedError && revert.data?.errorName === "ArticleEditionsUnknownArticle";
}

/** What would unlock an article: the tiers at or above its level that are on sale, and its edition. */
async function unlockOptions(articleId: number) {
  const article = await findArticle(String(articleId));
  if (!article) return {};
  const tiers = article.premiumLevel === EDITION_ONLY ? [] : (await listTiers()).filter((t) => t.level >= article.premiumLevel && t.saleOpen);
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
export async function premiumAccess(idParam: string, sessionToken: string | undefined): Promise<GateAnswer> {
  const session = await readSession(sessionToken);
  if (!session) return answer(401, "Sign in with your wallet to read premium articles.");
  if (!/^[1-9]\d{0,9}$/.test(idParam)) return answer(400, `"${idParam.slice(0, 40)}" is not an article id.`);
  const articleId = Number(idParam);

  let allowed: boolean;
  try {
    allowed = await canReadNow(session.address, BigInt(articleId));
  } catch (error) {
    if (isUnknownArticle(error)) return answer(404, `There is no article ${articleId}.`);
    return answer(503, "The blockchain did not answer, so access cannot be checked. Try again shortly.");
  }
  if (!allowed) {
    return answer(403, "Your wallet holds neither a pass of the required level nor an edition of this article.", {
      unlock: await unlockOptions(articleId).catch(() => ({})),
    });
  }

  try {
    const article = await findArticle(String(articleId));
    if (!article) return answer(404, `There is no article ${articleId}.`);
    const markdown = await readPremium(article.metadata);
    if (markdown === null) return answer(404, `Article ${articleId} has no premium part.`);
    // Markdown, not HTML: the reader's browser renders and sanitizes it (DOMPurify on the real
    // DOM), which keeps this hot path to one chain view and one decryption.
    return { status: 200, body: { articleId, markdown } };
  } catch (error) {
    if (error instanceof ContentError && (error.code === "unavailable" || error.code === "not-found")) {
      return answer(503, "The article's content could not be fetched from IPFS. Try again shortly.");
    }
    if (error instanceof ContentError) {
      console.error(`Premium part of article ${articleId} refused: ${error.code}`);
      return answer(500, "The article's premium part failed its integrity check and is not shown.");
    }
    if (error instanceof BaseError) return answer(503, "The blockchain did not answer. Try again shortly.");
    throw error;
  }
}
