import "server-only";
import type { Address } from "viem";
import { articleEditionsAbi, LIFETIME_EXPIRY, membershipPassAbi } from "@/generated/contracts.ts";
import { listArticles, listTiers } from "./catalog.ts";
import { chainClient, publicationAddresses } from "./publication.ts";

/** What a wallet holds and is owed, read from the chain at the latest block. */
export async function readLibrary(holder: Address) {
  const client = chainClient();
  const { pass, editions } = publicationAddresses();
  const [tiers, articles] = await Promise.all([listTiers(), listArticles()]);
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
  const articleIds = articles.map((article) => article.id);
  const balances = articleIds.length
    ? await client.readContract({
        address: editions,
        abi: articleEditionsAbi,
        functionName: "balanceOfBatch",
        args: [articleIds.map(() => holder), articleIds.map(BigInt)],
      })
    : [];
  const [editionsOwed, passOwed] = await Promise.all([
    client.readContract({ address: editions, abi: articleEditionsAbi, functionName: "owed", args: [holder, articleIds.map(BigInt)] }),
    client.readContract({ address: pass, abi: membershipPassAbi, functionName: "owed", args: [holder] }),
  ]);
  return {
    passes,
    editions: articles
      .map((article, index) => ({
        articleId: article.id,
        slug: article.metadata.properties.slug,
        title: article.metadata.name,
        count: Number(balances[index] ?? 0n),
      }))
      .filter((entry) => entry.count > 0),
    editionsOwed,
    passOwed,
    articleIds,
  };
}
