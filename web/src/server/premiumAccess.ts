import "server-only";
import type { PremiumAnswer, UnlockOptions } from "@/api/premiumAnswer.ts";
import type { ArticleMetadata } from "@/content/articleMetadata.ts";
import { ContentError } from "@/content/contentError.ts";
import { isUnknownArticle } from "@/content/isUnknownArticle.ts";
import { tiersUnlocking } from "@/content/tiersUnlocking.ts";
import { canReadNow } from "./canReadNow.ts";
import { listTiers } from "./catalog.ts";
import { articleReader, reloadArticleReader } from "./publication.ts";
import { type Service, unavailableService } from "./serviceUnavailable.ts";
import { readSession } from "./session.ts";

const refuse = (status: 400 | 401 | 404 | 500 | 503, error: string): PremiumAnswer => ({ status, body: { error } });

const UNAVAILABLE: Record<Service, string> = {
  chain: "The blockchain did not answer, so access cannot be checked. Try again shortly.",
  ipfs: "The article's content could not be fetched from IPFS. Try again shortly.",
  database: "The database did not answer, so your session cannot be checked. Try again shortly.",
  index: "The publication's index did not answer. Try again shortly.",
};

type ArticleRecord = Awaited<ReturnType<Awaited<ReturnType<typeof articleReader>>["record"]>>;

/** What would unlock an article: the tiers at or above its level that are on sale, and its edition. */
async function unlockOptions({ terms, sale }: ArticleRecord): Promise<UnlockOptions> {
  const tiers = tiersUnlocking(await listTiers(), terms.premiumLevel);
  return {
    level: terms.premiumLevel,
    tiers: tiers.map((t) => ({ id: t.id, name: t.name, price: t.price.toString(), duration: t.duration, level: t.level })),
    edition: {
      price: sale.price.toString(),
      remaining: sale.maxSupply === 0 ? null : sale.maxSupply - sale.minted,
      saleStart: Number(sale.saleStart),
      saleEnd: Number(sale.saleEnd),
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

const isUnknown = (error: unknown) => isUnknownArticle(error) || (error instanceof ContentError && error.code === "unknown-article");

async function answer(idParam: string, sessionToken: string | undefined): Promise<PremiumAnswer> {
  const session = await readSession(sessionToken);
  if (!session) return refuse(401, "Sign in with your wallet to read premium articles.");
  if (!/^[1-9]\d{0,9}$/.test(idParam)) return refuse(400, `"${idParam.slice(0, 40)}" is not an article id.`);
  const articleId = Number(idParam);

  // Only this article's record and metadata are read (one JSON-RPC batch with the access check), so
  // another article whose content is unreachable never stands in the way.
  const reader = await articleReader();
  const read = await Promise.all([canReadNow(session.address, BigInt(articleId)), reader.record(BigInt(articleId))]).catch((error) => {
    if (isUnknown(error)) return null;
    throw error;
  });
  if (!read) return refuse(404, `There is no article ${articleId}.`);
  const [allowed, record] = read;
  if (!allowed) {
    return {
      status: 403,
      body: {
        error: "Your wallet holds neither a pass of the required level nor an edition of this article.",
        unlock: await unlockOptions(record).catch(() => ({})),
      },
    };
  }

  const markdown = await readPremium(await reader.metadataAt(record.uri, BigInt(articleId)));
  if (markdown === null) return refuse(404, `Article ${articleId} has no premium part.`);
  // Markdown, not HTML: the reader's browser renders and sanitizes it (DOMPurify on the real
  // DOM), which keeps this hot path to one chain batch and one decryption.
  return { status: 200, body: { articleId, markdown } };
}

/**
 * The premium gate. Access is the on-chain `canRead` at the latest block, asked on every
 * request, so an expired, transferred or sold pass or edition locks the reader out at once.
 * A service that does not answer is a 503 naming it; content that fails its checks is a 500.
 */
export async function premiumAccess(idParam: string, sessionToken: string | undefined): Promise<PremiumAnswer> {
  try {
    return await answer(idParam, sessionToken);
  } catch (error) {
    const service = unavailableService(error);
    if (service) return refuse(503, UNAVAILABLE[service]);
    if (error instanceof ContentError) {
      console.error(`Premium part of article ${idParam} refused: ${error.code}`);
      return refuse(500, "The article's premium part failed its integrity check and is not shown.");
    }
    throw error;
  }
}
