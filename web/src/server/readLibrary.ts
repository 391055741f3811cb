import "server-only";
import type { Address } from "viem";
import { articleEditionsAbi, LIFETIME_EXPIRY, membershipPassAbi } from "@/generated/contracts.ts";
import { articlesByIds, index as indexReader, listTiers } from "./catalog.ts";
import { chainClient, publicationAddresses } from "./publication.ts";

/** How long a library waits for the index to reach the chain's latest block before reading it. */
const CATCH_UP_MS = 3_000;

/**
 * Waits (briefly) until the index has the chain's latest block, so a reader who just collected or
 * bought sees it in their library. A lagging index past the wait shows the holding on a reload.
 */
async function indexCaughtUp(index: ReturnType<typeof indexReader>, latest: bigint) {
  const deadline = Date.now() + CATCH_UP_MS;
  while (Date.now() < deadline) {
    const status = await index.status();
    if (status && status.blockNumber >= latest) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/**
 * What a wallet holds and is owed. Which passes and editions it holds, and from which articles
 * it is owed, come from the index (one query each, however large the archive); edition and pass
 * balances are then read from the chain at the latest block for just those, so a lagging index
 * shows a holding late but never a wrong balance. What the articles owe is the index's total.
 */
export async function readLibrary(holder: Address) {
  const index = indexReader();
  const client = chainClient();
  const { pass, editions } = publicationAddresses();
  // Uncached: a block number viem kept from a few seconds ago would let a withdrawal just mined
  // be missing from the index's total.
  await indexCaughtUp(index, await client.getBlockNumber({ cacheTime: 0 }));
  const [tiers, library, owed] = await Promise.all([listTiers(), index.libraryOf(holder), index.owedTo(holder)]);
  const passes = (
    await Promise.all(
      tiers.map(async (tier) => {
        const tokenId = await client.readContract({
          address: pass,
          abi: membershipPassAbi,
          functionName: "passOf",
          args: [holder, BigInt(tier.id)],
        });
        if (tokenId === 0n) return null;
        const expiresAt = await client.readContract({ address: pass, abi: membershipPassAbi, functionName: "expiresAt", args: [tokenId] });
        return {
          tokenId: tokenId.toString(),
          tierName: tier.name,
          duration: tier.duration,
          price: tier.price,
          lifetime: expiresAt === LIFETIME_EXPIRY,
          expiresAt: Number(expiresAt === LIFETIME_EXPIRY ? 0n : expiresAt),
        };
      }),
    )
  ).filter((entry) => entry !== null);
  const heldIds = library.editions.map((held) => held.articleId);
  const owedIds = owed.editions.articleIds;
  const [held, balances, passOwed] = await Promise.all([
    articlesByIds(heldIds),
    heldIds.length
      ? client.readContract({
          address: editions,
          abi: articleEditionsAbi,
          functionName: "balanceOfBatch",
          args: [heldIds.map(() => holder), heldIds],
        })
      : [],
    client.readContract({ address: pass, abi: membershipPassAbi, functionName: "owed", args: [holder] }),
  ]);
  const titles = new Map(held.map((article) => [article.id, article]));
  return {
    passes,
    editions: heldIds
      .map((articleId, at) => ({
        articleId: Number(articleId),
        slug: titles.get(Number(articleId))?.slug ?? String(articleId),
        title: titles.get(Number(articleId))?.title ?? `#${articleId}`,
        count: Number(balances[at] ?? 0n),
        /** The editors' reason, once they unlisted it (the holder keeps the edition and reads it still). */
        unlistedReason: titles.get(Number(articleId))?.unlisted?.reason ?? null,
      }))
      .filter((entry) => entry.count > 0),
    // The index's total: one `owed` call over thousands of ids would outgrow a node's eth_call gas
    // cap. The withdrawal itself asks the chain what each article still owes before it pays.
    editionsOwed: owed.editions.total,
    passOwed,
    /** The articles the wallet is owed from: what a withdraw names. */
    articleIds: owedIds.map(Number),
  };
}
