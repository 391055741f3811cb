// MembershipPass events into the index: tiers, passes with their expiry, and the pass revenue
// each account is owed (referrers their credit, the treasury the rest of what was paid in).
import { ponder } from "ponder:registry";
import { indexedAddress } from "../indexedAddress.ts";
import { ledger, pass, referralCredit, tier } from "ponder:schema";
import { zeroAddress } from "viem";
import { LIFETIME_EXPIRY, PASS_SERIAL_BITS } from "../../../web/src/generated/contracts.ts";

const tierOf = (tokenId: bigint) => tokenId >> BigInt(PASS_SERIAL_BITS);

interface TierConfig {
  name: string;
  price: bigint;
  duration: number;
  maxSupply: number;
  level: number;
  votingWeight: number;
  transferable: boolean;
  saleOpen: boolean;
  metadataURI: string;
}

const tierColumns = (config: TierConfig) => ({
  name: config.name,
  price: config.price,
  duration: BigInt(config.duration),
  maxSupply: BigInt(config.maxSupply),
  level: config.level,
  votingWeight: config.votingWeight,
  transferable: config.transferable,
  saleOpen: config.saleOpen,
  metadataUri: config.metadataURI,
});

ponder.on("MembershipPass:TierCreated", async ({ event, context }) => {
  const at = event.block.timestamp;
  await context.db
    .insert(tier)
    .values({ id: event.args.tierId, ...tierColumns(event.args.config), minted: 0n, seats: 0n, createdAt: at, updatedAt: at });
});

ponder.on("MembershipPass:TierUpdated", async ({ event, context }) => {
  await context.db.update(tier, { id: event.args.tierId }).set({ ...tierColumns(event.args.config), updatedAt: event.block.timestamp });
});

ponder.on("MembershipPass:Transfer", async ({ event, context }) => {
  const { tokenId } = event.args;
  const [from, to] = [indexedAddress(event.args.from), indexedAddress(event.args.to)];
  const tierId = tierOf(tokenId);
  if (from === zeroAddress) {
    const t = await context.db.update(tier, { id: tierId }).set((row) => ({ minted: row.minted + 1n, seats: row.seats + 1n }));
    await context.db.insert(pass).values({
      tokenId,
      tierId,
      owner: to,
      // A subscription's first expiry follows in this transaction's SubscriptionUpdate.
      expiresAt: t.duration === 0n ? LIFETIME_EXPIRY : 0n,
      mintedAt: event.block.timestamp,
      mintTransaction: event.transaction.hash,
    });
  } else if (to === zeroAddress) {
    await context.db.update(tier, { id: tierId }).set((row) => ({ seats: row.seats - 1n }));
    await context.db.delete(pass, { tokenId });
  } else {
    await context.db.update(pass, { tokenId }).set({ owner: to });
  }
});

ponder.on("MembershipPass:SubscriptionUpdate", async ({ event, context }) => {
  const { tokenId, expiration } = event.args;
  const p = (await context.db.find(pass, { tokenId }))!;
  const isSale = p.mintTransaction === event.transaction.hash && p.expiresAt === 0n;
  if (expiration !== 0n && !isSale) {
    // A renewal: it paid whole periods from the later of now and the old expiry, at today's price.
    const t = (await context.db.find(tier, { id: p.tierId }))!;
    let start = event.block.timestamp;
    if (p.expiresAt > start) start = p.expiresAt;
    const paid = (t.price * (expiration - start)) / t.duration;
    await context.db.update(ledger, { contract: "pass" }).set((l) => ({ received: l.received + paid }));
  }
  await context.db.update(pass, { tokenId }).set({ expiresAt: expiration });
});

ponder.on("MembershipPass:PassPurchased", async ({ event, context }) => {
  const p = await context.db.find(pass, { tokenId: event.args.tokenId });
  // A purchase of a held tier is a renewal, already counted from its SubscriptionUpdate.
  if (p?.mintTransaction !== event.transaction.hash) return;
  await context.db.update(ledger, { contract: "pass" }).set((l) => ({ received: l.received + event.args.paid }));
});

ponder.on("MembershipPass:ReferralCredited", async ({ event, context }) => {
  const { amount } = event.args;
  await context.db
    .insert(referralCredit)
    .values({ contract: "pass", account: indexedAddress(event.args.referrer), amount })
    .onConflictDoUpdate((c) => ({ amount: c.amount + amount }));
});

ponder.on("MembershipPass:TreasuryUpdated", async ({ event, context }) => {
  const { treasury } = event.args;
  await context.db
    .insert(ledger)
    .values({ contract: "pass", treasury: indexedAddress(treasury), received: 0n, paidOut: 0n, referralBps: 0 })
    .onConflictDoUpdate({ treasury: indexedAddress(treasury) });
});

ponder.on("MembershipPass:ReferralBpsUpdated", async ({ event, context }) => {
  await context.db.update(ledger, { contract: "pass" }).set({ referralBps: event.args.bps });
});

ponder.on("MembershipPass:Withdrawn", async ({ event, context }) => {
  const { amount } = event.args;
  const account = indexedAddress(event.args.account);
  await context.db.update(ledger, { contract: "pass" }).set((l) => ({ paidOut: l.paidOut + amount }));
  const credit = await context.db.find(referralCredit, { contract: "pass", account });
  if (credit) await context.db.update(referralCredit, { contract: "pass", account }).set({ amount: 0n });
});
