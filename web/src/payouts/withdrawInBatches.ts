// Withdrawing what an account is owed from more articles than one `withdraw` call can carry: the
// ids are split into batches that each fit a block, sent one after another. No React, no wagmi:
// the library page and the 2,000-article test both drive it through a `PayoutChain`.
// Relative imports only: Node loads this module in tests, and Node resolves no `@/` alias.

/** The chain as withdrawing needs it, for one payee (see viemPayoutChain.ts). */
export interface PayoutChain {
  /** `ArticleEditions.owed(payee, ids)` at the latest block: the payee's referral credit plus each listed article's due. */
  owed(articleIds: readonly bigint[]): Promise<bigint>;
  /** Each listed article's `owed(payee, [id])`, in order (many reads: the implementation batches them). */
  owedEach(articleIds: readonly bigint[]): Promise<bigint[]>;
  /** Gas `withdraw(payee, ids)` would use now (eth_estimateGas). */
  estimateWithdraw(articleIds: readonly bigint[]): Promise<bigint>;
  /** The latest block's gas limit. */
  blockGasLimit(): Promise<bigint>;
  /** Sends `withdraw(payee, ids)` with this gas limit; resolves once it is mined and succeeded, else throws. */
  withdraw(articleIds: readonly bigint[], gas: bigint): Promise<void>;
}

export interface BatchProgress {
  /** 1-based: the batch being sent, or the last one confirmed once `done === total`. */
  batch: number;
  batches: number;
  /** Articles withdrawn so far in this run, of `total` still owed when it started. */
  done: number;
  total: number;
  step: "checking" | "sending" | "confirmed" | "finished";
}

/**
 * Share of the block gas limit one batch may use. A transaction that needs nearly a whole block
 * fits only an almost empty one, so on a busy chain it waits or never lands; wallets also pad the
 * estimate (often by 20-50%) when they set the gas limit, and the limit itself must stay under the
 * block's. Half a block leaves room for both; the size is measured, not guessed, because the gas
 * of each article varies with its number of authors and with storage being touched for the first time.
 */
export const BLOCK_SHARE = { numerator: 1n, denominator: 2n };
/** Ids whose combined estimate gives the gas an extra id adds (the probe that sizes batches). */
const PROBE_IDS = 16;
/** Gas sent beyond the estimate, for state that moves between estimate and inclusion. */
const GAS_HEADROOM = { numerator: 6n, denominator: 5n };

/** The articles among `candidates` (ids the index says still owe) that the chain says still owe: no id twice, none settled. */
export async function stillOwed(chain: PayoutChain, candidates: readonly bigint[]) {
  const ids = [...new Set(candidates)].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  const credit = await chain.owed([]);
  const each = ids.length ? await chain.owedEach(ids) : [];
  return { credit, articleIds: ids.filter((_, at) => each[at] - credit > 0n) };
}

/**
 * How many ids a batch may hold: the gas one more id adds, measured on the first ids, fitted into
 * the share of the block gas limit a batch may use (BLOCK_SHARE).
 */
export async function batchSize(chain: PayoutChain, articleIds: readonly bigint[], budget: bigint) {
  if (articleIds.length <= 1) return 1;
  const probe = articleIds.slice(0, Math.min(PROBE_IDS, articleIds.length));
  const [one, many] = await Promise.all([chain.estimateWithdraw(probe.slice(0, 1)), chain.estimateWithdraw(probe)]);
  const perId = (many - one + BigInt(probe.length - 2)) / BigInt(probe.length - 1);
  const base = one - perId;
  if (perId <= 0n) return articleIds.length;
  const fits = (budget - base) / perId;
  return Math.max(1, Math.min(articleIds.length, Number(fits)));
}

/** Thrown when a batch fails; `withdrawn` are the ids confirmed before it, `cause` the wallet's or chain's error. */
export class BatchFailedError extends Error {
  override name = "BatchFailedError";
  readonly progress: BatchProgress;
  readonly withdrawn: bigint[];
  constructor(progress: BatchProgress, withdrawn: bigint[], cause: unknown) {
    super(`Batch ${progress.batch} of ${progress.batches} failed: ${(cause as Error)?.message ?? cause}`, { cause });
    this.progress = progress;
    this.withdrawn = withdrawn;
  }
}

/**
 * Withdraws everything `candidates` still owe the payee, in batches that each fit a block.
 * What is still owed is read from the chain first, so a run after a reload or a failed batch
 * (given the same or a staler list) sends no id a second time and leaves none out. Each batch's
 * own estimate is checked against the budget and the batch shrunk when it does not fit.
 */
export async function withdrawInBatches(
  chain: PayoutChain,
  candidates: readonly bigint[],
  onProgress: (progress: BatchProgress) => void = () => {},
) {
  const start: BatchProgress = { batch: 0, batches: 0, done: 0, total: 0, step: "checking" };
  onProgress(start);
  const { credit, articleIds } = await stillOwed(chain, candidates);
  const withdrawn: bigint[] = [];
  if (articleIds.length === 0 && credit === 0n) {
    onProgress({ ...start, step: "finished" });
    return { withdrawn, batches: 0 };
  }
  const budget = ((await chain.blockGasLimit()) * BLOCK_SHARE.numerator) / BLOCK_SHARE.denominator;
  let size = await batchSize(chain, articleIds, budget);
  const total = articleIds.length;
  let batch = 0;
  let at = 0;
  // A referral credit with no article owing is still paid by a `withdraw` listing none.
  while (at < total || (batch === 0 && total === 0)) {
    batch += 1;
    const progress: BatchProgress = { batch, batches: batch - 1 + Math.ceil((total - at) / size) || 1, done: at, total, step: "sending" };
    onProgress(progress);
    let ids = articleIds.slice(at, at + size);
    try {
      // This batch's own estimate, at the state the earlier batches left: shrunk until it fits.
      let gas = await chain.estimateWithdraw(ids);
      while (gas > budget && ids.length > 1) {
        size = Math.max(1, Math.floor((ids.length * Number(budget)) / Number(gas)));
        ids = ids.slice(0, size);
        gas = await chain.estimateWithdraw(ids);
      }
      await chain.withdraw(ids, (gas * GAS_HEADROOM.numerator) / GAS_HEADROOM.denominator);
    } catch (error) {
      throw new BatchFailedError(progress, withdrawn, error);
    }
    withdrawn.push(...ids);
    at += ids.length;
    onProgress({ ...progress, batches: batch + Math.ceil((total - at) / size), done: at, step: at < total ? "confirmed" : "finished" });
  }
  return { withdrawn, batches: batch };
}
