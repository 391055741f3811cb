import "server-only";
import { BaseError, ContractFunctionRevertedError } from "viem";
import { articleEditionsAbi, coverageDeskAbi } from "@/generated/contracts.ts";
import { articlesByIds } from "./catalog.ts";
import type { DaoAddresses } from "./dao.ts";
import { chainClient } from "./publication.ts";

// What the commission's next step depends on, read from the desk at the latest block (the index
// tells its history, a moment late): its status, deadline, challenge window and article.

/** `ICoverageDesk.Status`, in order. */
export const COMMISSION_STATUSES = ["none", "open", "fulfilled", "paid", "expired"] as const;
export type CommissionStatus = (typeof COMMISSION_STATUSES)[number];

/** Plain strings and numbers: they cross to the browser's wallet part. */
export interface CommissionFacts {
  id: string;
  status: CommissionStatus;
  bounty: string;
  deadline: number;
  challengeEndsAt: number;
  /** The fulfilling article, 0 while none. */
  articleId: number;
  /** The first article id that may fulfil it: articles published after it was commissioned. */
  firstArticleId: number;
}

/** How many of the newest eligible articles the editor is offered. */
const CANDIDATES = 20;

export async function commissionFacts(dao: DaoAddresses, ids: bigint[]): Promise<CommissionFacts[]> {
  const client = chainClient();
  return Promise.all(
    ids.map(async (id) => {
      const c = await client.readContract({ address: dao.desk, abi: coverageDeskAbi, functionName: "commissionOf", args: [id] });
      return {
        id: id.toString(),
        status: COMMISSION_STATUSES[c.status],
        bounty: c.bounty.toString(),
        deadline: Number(c.deadline),
        challengeEndsAt: Number(c.challengeEndsAt),
        articleId: Number(c.articleId),
        firstArticleId: Number(c.firstArticleId),
      };
    }),
  );
}

/** The newest articles published since `firstArticleId` (ids from the chain, titles and slugs from the index). */
export async function fulfilCandidates(dao: DaoAddresses, firstArticleId: number) {
  const count = Number(
    await chainClient().readContract({
      address: dao.deployed.ArticleEditions.address,
      abi: articleEditionsAbi,
      functionName: "articleCount",
    }),
  );
  const ids: bigint[] = [];
  for (let id = count; id >= Math.max(firstArticleId, 1) && ids.length < CANDIDATES; id--) ids.push(BigInt(id));
  const listed = ids.length ? await articlesByIds(ids) : [];
  return listed.sort((a, b) => b.id - a.id).map((a) => ({ id: a.id, slug: a.slug, title: a.title }));
}

/** Whether commission `id` exists and still waits for an article (open, before its deadline), at the latest block. */
export async function isOpenCommission(dao: DaoAddresses | null, id: bigint) {
  if (!dao) return false;
  const client = chainClient();
  const [facts] = await commissionFacts(dao, [id]).catch((error: unknown) => {
    // An unknown commission reverts; anything else (the chain not answering) is a real failure.
    if (error instanceof BaseError && error.walk((e) => e instanceof ContractFunctionRevertedError)) return [undefined];
    throw error;
  });
  if (!facts) return false;
  const { timestamp } = await client.getBlock();
  return facts.status === "open" && Number(timestamp) < facts.deadline;
}
