import type { ArticleSales, Library, Owed, Wire } from "../../../web/src/indexer/indexTypes.ts";
import { quotedSchema, type SqlRunner } from "../sqlRunner.ts";

/** The editions and passes `holder` holds now, editions newest article first. */
export async function libraryOf(sql: SqlRunner, schema: string, holder: string): Promise<Wire<Library>> {
  const s = quotedSchema(schema);
  const account = holder.toLowerCase();
  const editions = await sql<Wire<Library["editions"][number]>>(
    `select article_id::text as "articleId", balance::text as "balance" from ${s}.edition_balance
     where holder = $1 and balance > 0 order by article_id desc`,
    [account],
  );
  const passes = await sql<Wire<Library["passes"][number]>>(
    `select token_id::text as "tokenId", tier_id::text as "tierId", owner, expires_at::text as "expiresAt" from ${s}.pass
     where owner = $1 order by tier_id`,
    [account],
  );
  return { editions: editions.rows, passes: passes.rows };
}

/**
 * What `account` may withdraw now, by the contracts' rules: from ArticleEditions its referral
 * credit, its author shares, and (as the current treasury) the treasury shares, with the ids of
 * the articles that still owe it; from MembershipPass its referral credit plus, for the
 * treasury, everything paid in that is neither paid out nor owed to referrers.
 */
export async function owedTo(sql: SqlRunner, schema: string, address: string): Promise<Wire<Owed>> {
  const s = quotedSchema(schema);
  const account = address.toLowerCase();
  const credit = async (contract: string) =>
    BigInt(
      (
        await sql<{ amount: string }>(`select amount::text as "amount" from ${s}.referral_credit where contract = $1 and account = $2`, [
          contract,
          account,
        ])
      ).rows[0]?.amount ?? 0,
    );
  const treasuries = await sql<{ contract: string; treasury: string; rest: string }>(
    `select contract, treasury, (received - paid_out - (select coalesce(sum(amount), 0) from ${s}.referral_credit where contract = 'pass'))::text as "rest"
     from ${s}.ledger`,
  );
  const isTreasury = (contract: string) => treasuries.rows.some((row) => row.contract === contract && row.treasury === account);
  const payees = isTreasury("editions") ? [account, "0x0000000000000000000000000000000000000000"] : [account];
  const open = await sql<{ articleId: string; due: string }>(
    `select article_id::text as "articleId", sum(accrued - settled)::text as "due" from ${s}.edition_payout
     where payee = any($1::text[]) and accrued > settled group by article_id order by article_id`,
    [payees],
  );
  const editionsCredit = await credit("editions");
  const editionsTotal = open.rows.reduce((sum, row) => sum + BigInt(row.due), editionsCredit);
  const passRest = isTreasury("pass") ? BigInt(treasuries.rows.find((row) => row.contract === "pass")!.rest) : 0n;
  return {
    editions: { total: editionsTotal.toString(), credit: editionsCredit.toString(), articleIds: open.rows.map((row) => row.articleId) },
    pass: { total: ((await credit("pass")) + passRest).toString() },
  };
}

/**
 * Sales figures of the articles `ids` (the studio's published ones, one page at a time), with what
 * each still owes `account` as an author (or, for the treasury, its share): editions minted, the
 * supply cap, and accrued minus settled. Walks the article and payout primary keys only.
 */
export async function salesFor(sql: SqlRunner, schema: string, account: string, ids: bigint[]): Promise<Wire<ArticleSales>[]> {
  if (ids.length === 0) return [];
  const s = quotedSchema(schema);
  const { rows } = await sql<Wire<ArticleSales>>(
    `select a.id::text as "articleId", a.minted::text as "minted", a.max_supply::text as "maxSupply",
       a.closed_at::text as "closedAt",
       coalesce((select sum(p.accrued - p.settled) from ${s}.edition_payout p where p.article_id = a.id and p.payee = $2), 0)::text as "due"
     from ${s}.article a where a.id = any($1::numeric[]) order by a.id desc`,
    [ids.map(String), account.toLowerCase()],
  );
  return rows;
}
