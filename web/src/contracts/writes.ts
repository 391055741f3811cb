import { type Address, type ContractFunctionArgs, encodeFunctionData, zeroAddress } from "viem";
import { articleEditionsAbi, coverageDeskAbi, coverageGovernorAbi, membershipPassAbi } from "../generated/contracts.ts";
import { topicOfCid } from "../dao/commissionTopic.ts";
import { contractWrite } from "./contractWrite.ts";

// One builder per thing a person (or the publish CLI) does on chain. Each is checked against the
// generated ABIs, so a renamed function or a missing argument fails `npm run typecheck`.

type Priced = { id: number | bigint; price: bigint | string };

/** Buys a pass of `tier` for `holder` (the buyer, or a friend for a gift). */
export const purchasePass = (pass: Address, tier: Priced, holder: Address, referrer: Address = zeroAddress) =>
  contractWrite({
    address: pass,
    abi: membershipPassAbi,
    functionName: "purchase",
    args: [BigInt(tier.id), holder, referrer],
    value: BigInt(tier.price),
  });

/** Extends a subscription pass by `duration` seconds, paying `price` (the tier's price per period). */
export const renewPass = (pass: Address, tokenId: bigint, duration: number | bigint, price: bigint | string) =>
  contractWrite({
    address: pass,
    abi: membershipPassAbi,
    functionName: "renewSubscription",
    args: [tokenId, BigInt(duration)],
    value: BigInt(price),
  });

/** Collects `amount` editions of an article for `collector` at `price` each. */
export const collectEdition = (
  editions: Address,
  articleId: number | bigint,
  price: bigint | string,
  collector: Address,
  amount = 1n,
  referrer: Address = zeroAddress,
) =>
  contractWrite({
    address: editions,
    abi: articleEditionsAbi,
    functionName: "collect",
    args: [BigInt(articleId), amount, collector, referrer],
    value: BigInt(price) * amount,
  });

/** Pays out what the editions contract owes `payee` from the sales of `articleIds`. */
export const withdrawEditionEarnings = (editions: Address, payee: Address, articleIds: readonly (number | bigint)[]) =>
  contractWrite({ address: editions, abi: articleEditionsAbi, functionName: "withdraw", args: [payee, articleIds.map(BigInt)] });

/** Pays out what the pass contract owes `payee`. */
export const withdrawPassEarnings = (pass: Address, payee: Address) =>
  contractWrite({ address: pass, abi: membershipPassAbi, functionName: "withdraw", args: [payee] });

/** What `publish` takes: the article's terms and its edition sale, as the ABI types them. */
export type PublishParams = ContractFunctionArgs<typeof articleEditionsAbi, "nonpayable", "publish">[0];

/** Publishes an article: its metadata URI, premium level, authors' shares and edition sale. */
export const publishArticle = (editions: Address, params: PublishParams) =>
  contractWrite({ address: editions, abi: articleEditionsAbi, functionName: "publish", args: [params] });

/** Points an article at revised metadata (same content, e.g. a re-wrapped key). */
export const reviseArticle = (editions: Address, articleId: bigint, uri: string) =>
  contractWrite({ address: editions, abi: articleEditionsAbi, functionName: "revise", args: [articleId, uri] });

/** Ends an article's edition sale now. */
export const closeSale = (editions: Address, articleId: bigint) =>
  contractWrite({ address: editions, abi: articleEditionsAbi, functionName: "closeSale", args: [articleId] });

// ----- the coverage DAO -----

/** What a coverage proposal commissions: a topic (its Markdown on IPFS), a bounty and a deadline. */
export interface CoverageTerms {
  /** The topic Markdown's CIDv0; the desk records its digest (see `commissionTopic.ts`). */
  topicCid: string;
  bounty: bigint;
  /** Unix seconds: the first second at which the commission can no longer be fulfilled. */
  deadline: number;
}

/** The one action of a coverage proposal: the timelock commissions it from the desk, sending the bounty. */
export const commissionAction = (desk: Address, terms: CoverageTerms) => ({
  target: desk,
  value: terms.bounty,
  calldata: encodeFunctionData({
    abi: coverageDeskAbi,
    functionName: "commission",
    args: [topicOfCid(terms.topicCid), terms.bounty, terms.deadline],
  }),
});

/** Proposes that the treasury commission coverage (see `proposalDescription` for the description). */
export const proposeCoverage = (governor: Address, desk: Address, terms: CoverageTerms, description: string) => {
  const action = commissionAction(desk, terms);
  return contractWrite({
    address: governor,
    abi: coverageGovernorAbi,
    functionName: "propose",
    args: [[action.target], [action.value], [action.calldata], description],
  });
};

/** A member's vote with their own transaction: 0 against, 1 for, 2 abstain, with their reason (may be empty). */
export const castVote = (governor: Address, proposalId: bigint, support: number, reason: string) =>
  contractWrite({
    address: governor,
    abi: coverageGovernorAbi,
    functionName: "castVoteWithReason",
    args: [proposalId, support, reason.trim()],
  });

/** Queues a passed proposal in the timelock (by id: the governor stores its actions). */
export const queueProposal = (governor: Address, proposalId: bigint) =>
  contractWrite({ address: governor, abi: coverageGovernorAbi, functionName: "queue", args: [proposalId] });

/** Runs a queued proposal's actions once the timelock's delay has passed. */
export const executeProposal = (governor: Address, proposalId: bigint) =>
  contractWrite({ address: governor, abi: coverageGovernorAbi, functionName: "execute", args: [proposalId] });

/** Lends a member's votes to `delegatee` (themselves to vote with them). */
export const delegateVotes = (pass: Address, delegatee: Address) =>
  contractWrite({ address: pass, abi: membershipPassAbi, functionName: "delegate", args: [delegatee] });

/** An editor links a published article to an open commission, starting its challenge window. */
export const fulfilCommission = (desk: Address, commissionId: bigint, articleId: bigint) =>
  contractWrite({ address: desk, abi: coverageDeskAbi, functionName: "fulfil", args: [commissionId, articleId] });

/** Anyone, once the challenge window is over: credits the bounty to the fulfilling article's authors. */
export const settleCommission = (desk: Address, commissionId: bigint) =>
  contractWrite({ address: desk, abi: coverageDeskAbi, functionName: "settle", args: [commissionId] });

/** Anyone, past the deadline of a commission nobody fulfilled: the bounty returns to the treasury. */
export const expireCommission = (desk: Address, commissionId: bigint) =>
  contractWrite({ address: desk, abi: coverageDeskAbi, functionName: "expire", args: [commissionId] });

/** Pays `account` the bounties the desk owes it. */
export const withdrawBounty = (desk: Address, account: Address) =>
  contractWrite({ address: desk, abi: coverageDeskAbi, functionName: "withdraw", args: [account] });

/** The guardian (or governance) turns a fulfilment down within its challenge window: the commission is open again. */
export const rejectFulfilment = (desk: Address, commissionId: bigint) =>
  contractWrite({ address: desk, abi: coverageDeskAbi, functionName: "reject", args: [commissionId] });
