import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { getAddress, zeroAddress } from "viem";
import { articleParams, connectPublication, type Publication } from "../helpers/publicationFixture.ts";

const loadPublication = await connectPublication();

/** Publishes an article at an awkward price (7 wei) so every split has a rounding remainder. */
async function publishOddPrice(p: Publication) {
  const { authorA, authorB } = p.accounts;
  await p.editions.write.publish([
    articleParams([authorA.account.address, authorB.account.address], { price: 7n, walletCap: 0, maxSupply: 0 }),
  ]);
  return p.editions.read.articleCount();
}

const balanceOf = (p: Publication, address: `0x${string}`) => p.publicClient.getBalance({ address });

describe("ArticleEditions: payouts", () => {
  it("splits each sale between authors, treasury and referrer, paying out every wei", async () => {
    const p = await loadPublication();
    const { alice, bob, authorA, authorB, treasury, referrer } = p.accounts;
    const id = await publishOddPrice(p);
    // 3 editions without referral, 4 with: price 7, referral 10% -> cut floor(0.7) = 0 per edition.
    await p.editions.write.collect([id, 3n, alice.account.address, "0x0000000000000000000000000000000000000000"], {
      value: 21n,
    });
    await (await p.as(bob)).editions.write.collect([id, 4n, bob.account.address, referrer.account.address], {
      value: 28n,
    });
    // Author A: floor(7 * 0.6) = 4 per edition; B: floor(7 * 0.3) = 2; treasury the remaining 1.
    const ids = [id];
    assert.equal(await p.editions.read.owed([authorA.account.address, ids]), 28n);
    assert.equal(await p.editions.read.owed([authorB.account.address, ids]), 14n);
    assert.equal(await p.editions.read.owed([treasury.account.address, ids]), 7n);
    assert.equal(await p.editions.read.owed([referrer.account.address, []]), 0n);
    assert.equal(28n + 14n + 7n, await balanceOf(p, p.editions.address));
  });

  it("credits referrers per edition and leaves the treasury the rounding remainder", async () => {
    const p = await loadPublication();
    const { alice, authorA, authorB, treasury, referrer } = p.accounts;
    const price = 1_003n;
    await p.editions.write.publish([articleParams([authorA.account.address, authorB.account.address], { price, walletCap: 0 })]);
    const id = await p.editions.read.articleCount();
    await p.viem.assertions.emitWithArgs(
      (await p.as(alice)).editions.write.collect([id, 3n, alice.account.address, referrer.account.address], {
        value: price * 3n,
      }),
      p.editions,
      "ReferralCredited",
      [referrer.account.address, id, 3n, 300n],
    );
    // Net per referred edition 1003 - 100 = 903: A floor(541.8) = 541, B floor(270.9) = 270.
    const owedA = await p.editions.read.owed([authorA.account.address, [id]]);
    const owedB = await p.editions.read.owed([authorB.account.address, [id]]);
    const owedTreasury = await p.editions.read.owed([treasury.account.address, [id]]);
    const owedReferrer = await p.editions.read.owed([referrer.account.address, []]);
    assert.deepEqual([owedA, owedB, owedTreasury, owedReferrer], [1_623n, 810n, 276n, 300n]);
    assert.equal(owedA + owedB + owedTreasury + owedReferrer, price * 3n);
  });

  it("pays each payee once, whoever triggers the withdrawal", async () => {
    const p = await loadPublication();
    const { alice, bob, authorA, referrer } = p.accounts;
    const price = (await p.editions.read.article([1n]))[1].price;
    await (await p.as(alice)).editions.write.collect([1n, 2n, alice.account.address, referrer.account.address], {
      value: price * 2n,
    });
    const owedA = await p.editions.read.owed([authorA.account.address, [1n]]);
    const bobEditions = (await p.as(bob)).editions;
    await p.viem.assertions.balancesHaveChanged(bobEditions.write.withdraw([authorA.account.address, [1n]]), [
      { address: authorA.account.address, amount: owedA },
    ]);
    await p.viem.assertions.revertWithCustomErrorWithArgs(
      bobEditions.write.withdraw([authorA.account.address, [1n]]),
      p.editions,
      "ArticleEditionsNothingOwed",
      [authorA.account.address],
    );
    await p.viem.assertions.balancesHaveChanged(bobEditions.write.withdraw([referrer.account.address, []]), [
      { address: referrer.account.address, amount: (price / 10n) * 2n },
    ]);
  });

  it("pays the treasury's unwithdrawn share to whichever address is treasury now", async () => {
    const p = await loadPublication();
    const { alice, carol } = p.accounts;
    const price = (await p.editions.read.article([1n]))[1].price;
    await p.editions.write.collect([1n, 1n, alice.account.address, alice.account.address], { value: price });
    await p.editions.write.setTreasury([carol.account.address]);
    await p.viem.assertions.balancesHaveChanged(p.editions.write.withdraw([carol.account.address, [1n]]), [
      { address: carol.account.address, amount: price / 10n },
    ]);
    await p.viem.assertions.revertWithCustomErrorWithArgs(
      p.editions.write.setTreasury(["0x0000000000000000000000000000000000000000"]),
      p.editions,
      "ArticleEditionsInvalidTreasury",
      ["0x0000000000000000000000000000000000000000"],
    );
  });

  it("withdraws several articles at once and rejects unknown ones", async () => {
    const p = await loadPublication();
    const { alice, authorB } = p.accounts;
    const id = await publishOddPrice(p);
    const price = (await p.editions.read.article([1n]))[1].price;
    await p.editions.write.collect([1n, 1n, alice.account.address, alice.account.address], { value: price });
    await p.editions.write.collect([id, 10n, alice.account.address, alice.account.address], { value: 70n });
    const expected = (price * 3_000n) / 10_000n + 20n;
    assert.equal(await p.editions.read.owed([authorB.account.address, [1n, id]]), expected);
    await p.viem.assertions.revertWithCustomErrorWithArgs(
      p.editions.write.withdraw([authorB.account.address, [1n, 42n]]),
      p.editions,
      "ArticleEditionsUnknownArticle",
      [42n],
    );
    await p.viem.assertions.balancesHaveChanged(p.editions.write.withdraw([authorB.account.address, [1n, id]]), [
      { address: authorB.account.address, amount: expected },
    ]);
  });

  it("counts an article listed twice once in owed, exactly as withdraw pays it", async () => {
    const p = await loadPublication();
    const { alice, authorA } = p.accounts;
    const id = await publishOddPrice(p);
    await p.editions.write.collect([id, 10n, alice.account.address, zeroAddress], { value: 70n });
    const owedOnce = await p.editions.read.owed([authorA.account.address, [id]]);
    assert.equal(await p.editions.read.owed([authorA.account.address, [id, id, id]]), owedOnce);
    await p.viem.assertions.balancesHaveChanged(p.editions.write.withdraw([authorA.account.address, [id, id, id]]), [
      { address: authorA.account.address, amount: owedOnce },
    ]);
  });

  it("sweeps only ETH forced into the contract to the treasury, never what payees are owed", async () => {
    const p = await loadPublication();
    const { alice, authorA, authorB, treasury, referrer } = p.accounts;
    const id = await publishOddPrice(p);
    await p.editions.write.collect([id, 10n, alice.account.address, referrer.account.address], { value: 70n });
    await p.viem.assertions.revertWithCustomError(p.editions.write.sweepSurplus(), p.editions, "ArticleEditionsNoSurplus");
    // ETH can arrive without `collect` (a self-destructing contract, a block reward): simulate it.
    const held = await balanceOf(p, p.editions.address);
    await p.networkHelpers.setBalance(p.editions.address, held + 1_234n);
    assert.equal(await p.editions.read.surplus(), 1_234n);
    await p.viem.assertions.emitWithArgs(p.editions.write.sweepSurplus(), p.editions, "SurplusSwept", [
      getAddress(treasury.account.address),
      1_234n,
    ]);
    // Everyone is still paid in full afterwards, and nothing is left behind.
    for (const payee of [authorA, authorB, treasury, referrer]) {
      const owed = await p.editions.read.owed([payee.account.address, [id]]);
      if (owed !== 0n) await p.editions.write.withdraw([payee.account.address, [id]]);
    }
    assert.equal(await balanceOf(p, p.editions.address), 0n);
  });

  it("keeps paying authors correctly as sales continue after a withdrawal", async () => {
    const p = await loadPublication();
    const { alice, authorA } = p.accounts;
    const id = await publishOddPrice(p);
    await p.editions.write.collect([id, 1n, alice.account.address, alice.account.address], { value: 7n });
    await p.editions.write.withdraw([authorA.account.address, [id]]);
    await p.editions.write.collect([id, 2n, alice.account.address, alice.account.address], { value: 14n });
    assert.equal(await p.editions.read.owed([authorA.account.address, [id]]), 8n);
  });
});
