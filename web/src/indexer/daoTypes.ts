// What the index answers about the coverage DAO (scripts/indexer/queries/daoQueries.ts). Wei, ids
// and seconds stay decimal strings, as on the wire: the pages turn the few they compute with into
// bigints themselves.

type Hex = `0x${string}`;
type Decimal = string;

export interface ProposalAction {
  target: Hex;
  /** Wei sent with the call. */
  value: Decimal;
  calldata: Hex;
}

export interface ProposalSummary {
  id: Decimal;
  proposer: Hex;
  title: string;
  descriptionCid: string | null;
  voteStart: Decimal;
  voteEnd: Decimal;
  createdAt: Decimal;
  queuedAt: Decimal | null;
  eta: Decimal | null;
  executedAt: Decimal | null;
  canceledAt: Decimal | null;
}

export interface VoteRecord {
  voter: Hex;
  /** 0 against, 1 for, 2 abstain. */
  support: number;
  weight: Decimal;
  reason: string;
  timestamp: Decimal;
  transactionHash: Hex;
}

export interface CommissionRecord {
  id: Decimal;
  proposalId: Decimal | null;
  topicCid: string;
  bounty: Decimal;
  deadline: Decimal;
  status: "open" | "fulfilled" | "paid" | "expired";
  articleId: Decimal | null;
  challengeEndsAt: Decimal | null;
  rejections: number;
  createdAt: Decimal;
  fulfilledAt: Decimal | null;
  paidAt: Decimal | null;
  expiredAt: Decimal | null;
  /** The title of the proposal that commissioned it, when one did. */
  title: string | null;
}

export interface ProposalDetail extends ProposalSummary {
  description: string;
  actions: ProposalAction[];
  createdBlock: Decimal;
  createdTransaction: Hex;
  executedTransaction: Hex | null;
  votes: VoteRecord[];
  commissions: CommissionRecord[];
}

/** An author's bounties: credited when a commission they wrote for was paid, and withdrawn. */
export interface AuthorBounties {
  credits: { commissionId: Decimal; amount: Decimal }[];
  withdrawals: { amount: Decimal; timestamp: Decimal; transactionHash: Hex }[];
}
