// The payout rule of ArticleEditions (`_due`), restated for the index: each edition's net price is
// split per author by floor, and the treasury receives the rest, so no wei is created or lost.

const BPS = 10_000n;

export interface ArticleSales {
  price: bigint;
  referralBps: number;
  minted: bigint;
  referred: bigint;
}

/** What referring one edition earns its referrer (floor of price x bps), as the contract credits it. */
export const referralCut = (price: bigint, referralBps: number) => (price * BigInt(referralBps)) / BPS;

/** Wei an author with `shareBps` has earned from the article's sales so far, withdrawn or not. */
export function authorAccrued(sales: ArticleSales, shareBps: number) {
  const share = BigInt(shareBps);
  const net = sales.price - referralCut(sales.price, sales.referralBps);
  return (sales.minted - sales.referred) * ((sales.price * share) / BPS) + sales.referred * ((net * share) / BPS);
}

/** Wei the treasury has earned from the article: everything taken in, net of referrals, that no author earned. */
export function treasuryAccrued(sales: ArticleSales, authorShares: readonly number[]) {
  const takenIn = sales.minted * sales.price - sales.referred * referralCut(sales.price, sales.referralBps);
  return authorShares.reduce((rest, share) => rest - authorAccrued(sales, share), takenIn);
}
