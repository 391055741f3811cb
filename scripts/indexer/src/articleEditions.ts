// ArticleEditions events into the index: articles, their revisions and sale state, edition
// balances, and what each payee is owed.
import { ponder } from "ponder:registry";
import { indexedAddress } from "../indexedAddress.ts";
import { article, articleRevision, editionBalance, editionPayout, ledger, referralCredit } from "ponder:schema";
import { and, desc, eq, gt, or } from "ponder";
import { type Address, decodeFunctionData, zeroAddress } from "viem";
import { articleEditionsAbi, NO_SALE_END } from "../../../web/src/generated/contracts.ts";
import { authorAccrued, treasuryAccrued } from "../editionPayouts.ts";
import { cidOfUri } from "../cidOfUri.ts";

/** The treasury's share is keyed by the zero address, as the contract settles it. */
const TREASURY_PAYEE = zeroAddress;

ponder.on("ArticleEditions:ArticlePublished", async ({ event, context }) => {
  const { articleId, publisher, params } = event.args;
  const authors = params.authors.map((a) => ({ account: indexedAddress(a.account), shareBps: a.shareBps }));
  await context.db.insert(article).values({
    id: articleId,
    publisher,
    uri: params.uri,
    cid: cidOfUri(params.uri),
    revisions: 0,
    price: params.price,
    maxSupply: BigInt(params.maxSupply),
    minted: 0n,
    referred: 0n,
    saleStart: BigInt(params.saleStart),
    saleEnd: BigInt(params.saleEnd === 0 ? NO_SALE_END : params.saleEnd),
    walletCap: params.walletCap,
    premiumLevel: params.premiumLevel,
    referralBps: params.referralBps,
    treasuryBps: params.treasuryBps,
    royaltyReceiver: params.royaltyBps === 0n ? zeroAddress : params.royaltyReceiver,
    royaltyBps: params.royaltyBps,
    authors,
    publishedBlock: event.block.number,
    publishedAt: event.block.timestamp,
  });
  await context.db.insert(articleRevision).values(revisionRow(event, articleId, 0, params.uri));
  await context.db
    .insert(editionPayout)
    .values([
      ...authors.map((a) => ({ articleId, payee: a.account, shareBps: a.shareBps, accrued: 0n, settled: 0n })),
      { articleId, payee: TREASURY_PAYEE, shareBps: params.treasuryBps, accrued: 0n, settled: 0n },
    ]);
});

ponder.on("ArticleEditions:ArticleRevised", async ({ event, context }) => {
  const { articleId, uri } = event.args;
  const row = await context.db.update(article, { id: articleId }).set((a) => ({
    uri,
    cid: cidOfUri(uri),
    revisions: a.revisions + 1,
    revisedAt: event.block.timestamp,
  }));
  await context.db.insert(articleRevision).values(revisionRow(event, articleId, row.revisions, uri));
});

ponder.on("ArticleEditions:MaxSupplyReduced", async ({ event, context }) => {
  await context.db.update(article, { id: event.args.articleId }).set({ maxSupply: BigInt(event.args.maxSupply) });
});

ponder.on("ArticleEditions:SaleClosed", async ({ event, context }) => {
  const closedAt = BigInt(event.args.closedAt);
  await context.db.update(article, { id: event.args.articleId }).set({ saleEnd: closedAt, closedAt });
});

ponder.on("ArticleEditions:ArticleUnlisted", async ({ event, context }) => {
  const { articleId, reason } = event.args;
  await context.db.update(article, { id: articleId }).set({ unlistedAt: event.block.timestamp, unlistedReason: reason });
});

ponder.on("ArticleEditions:ArticleRoyaltyUpdated", async ({ event, context }) => {
  const { articleId, receiver, bps } = event.args;
  await context.db.update(article, { id: articleId }).set({ royaltyReceiver: bps === 0n ? zeroAddress : receiver, royaltyBps: bps });
});

// Emitted before the mint it pays for: the mint's TransferSingle then recomputes the payouts.
ponder.on("ArticleEditions:ReferralCredited", async ({ event, context }) => {
  const { articleId, quantity, amount } = event.args;
  await context.db.update(article, { id: articleId }).set((a) => ({ referred: a.referred + quantity }));
  await context.db
    .insert(referralCredit)
    .values({ contract: "editions", account: indexedAddress(event.args.referrer), amount })
    .onConflictDoUpdate((c) => ({ amount: c.amount + amount }));
});

ponder.on("ArticleEditions:TransferSingle", async ({ event, context }) => {
  const { from, to, id, value } = event.args;
  await moveEditions(context, from, to, id, value);
});

ponder.on("ArticleEditions:TransferBatch", async ({ event, context }) => {
  const { from, to, ids, values } = event.args;
  for (const [i, id] of ids.entries()) await moveEditions(context, from, to, id, values[i]!);
});

ponder.on("ArticleEditions:TreasuryUpdated", async ({ event, context }) => {
  const { treasury } = event.args;
  await context.db
    .insert(ledger)
    .values({ contract: "editions", treasury: indexedAddress(treasury), received: 0n, paidOut: 0n, referralBps: 0 })
    .onConflictDoUpdate({ treasury: indexedAddress(treasury) });
});

ponder.on("ArticleEditions:Withdrawn", async ({ event, context }) => {
  const { amount } = event.args;
  const account = indexedAddress(event.args.account);
  const credit = await context.db.find(referralCredit, { contract: "editions", account });
  if (credit) await context.db.update(referralCredit, { contract: "editions", account }).set({ amount: 0n });
  const { treasury } = (await context.db.find(ledger, { contract: "editions" }))!;
  const payees = account === indexedAddress(treasury) ? [account, TREASURY_PAYEE] : [account];
  // `withdraw` settles in full every article it lists: read the list from the call when the
  // withdrawal was a direct call, and check the sum against the event's amount.
  const direct = event.transaction.to !== null && indexedAddress(event.transaction.to) === indexedAddress(event.log.address);
  const listed = direct ? withdrawnArticles(event.transaction, account) : undefined;
  if (listed) {
    let paid = credit?.amount ?? 0n;
    for (const articleId of listed) {
      for (const payee of payees) {
        const row = await context.db.find(editionPayout, { articleId, payee });
        if (!row || row.settled === row.accrued) continue;
        paid += row.accrued - row.settled;
        await context.db.update(editionPayout, { articleId, payee }).set({ settled: row.accrued });
      }
    }
    if (paid === amount) return;
  }
  // Called through another contract (or the sum disagrees): ask the contract, at this block,
  // what is left of each article the account was owed from.
  const open = await context.db.sql
    .select()
    .from(editionPayout)
    .where(and(or(...payees.map((p) => eq(editionPayout.payee, p))), gt(editionPayout.accrued, editionPayout.settled)))
    .orderBy(desc(editionPayout.payee)); // an author row before the treasury's (the zero address)
  const remaining = new Map<bigint, bigint>();
  for (const row of open) {
    if (remaining.has(row.articleId)) continue;
    const left = await context.client.readContract({
      abi: articleEditionsAbi,
      address: event.log.address,
      functionName: "owed",
      args: [account, [row.articleId]],
      blockNumber: event.block.number,
    });
    remaining.set(row.articleId, left);
  }
  for (const row of open) {
    // What is left of an article goes to the author row first, then to the treasury's.
    let keep = row.accrued - row.settled;
    const left = remaining.get(row.articleId)!;
    if (left < keep) keep = left;
    remaining.set(row.articleId, left - keep);
    await context.db.update(editionPayout, { articleId: row.articleId, payee: row.payee }).set({ settled: row.accrued - keep });
  }
});

type Context = Parameters<Parameters<typeof ponder.on<"ArticleEditions:TransferSingle">>[1]>[0]["context"];

async function moveEditions(context: Context, fromAddress: Address, toAddress: Address, articleId: bigint, value: bigint) {
  const [from, to] = [indexedAddress(fromAddress), indexedAddress(toAddress)];
  if (from !== zeroAddress) {
    await context.db.update(editionBalance, { articleId, holder: from }).set((b) => ({ balance: b.balance - value }));
  }
  if (to !== zeroAddress) {
    await context.db
      .insert(editionBalance)
      .values({ articleId, holder: to, balance: value })
      .onConflictDoUpdate((b) => ({ balance: b.balance + value }));
  }
  if (from === zeroAddress) {
    const a = await context.db.update(article, { id: articleId }).set((row) => ({ minted: row.minted + value }));
    for (const author of a.authors) {
      await context.db.update(editionPayout, { articleId, payee: author.account }).set({ accrued: authorAccrued(a, author.shareBps) });
    }
    const shares = a.authors.map((author) => author.shareBps);
    await context.db.update(editionPayout, { articleId, payee: TREASURY_PAYEE }).set({ accrued: treasuryAccrued(a, shares) });
  }
}

/** The article ids of a direct `withdraw(account, ids)` call, deduplicated; undefined otherwise. */
function withdrawnArticles(transaction: { input: `0x${string}` }, account: Address) {
  try {
    const call = decodeFunctionData({ abi: articleEditionsAbi, data: transaction.input });
    if (call.functionName !== "withdraw" || indexedAddress(call.args[0]) !== account) return undefined;
    return [...new Set(call.args[1])];
  } catch {
    return undefined;
  }
}

function revisionRow(
  event: { block: { number: bigint; timestamp: bigint }; transaction: { hash: `0x${string}` } },
  articleId: bigint,
  revision: number,
  uri: string,
) {
  return {
    articleId,
    revision,
    uri,
    cid: cidOfUri(uri),
    blockNumber: event.block.number,
    timestamp: event.block.timestamp,
    transactionHash: event.transaction.hash,
  };
}
