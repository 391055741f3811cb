import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { getAddress, zeroAddress } from "viem";
import { articleParams, connectPublication, MONTH, TIER_IDS, TIERS } from "../helpers/publicationFixture.ts";

const loadPublication = await connectPublication();
const readerToken = (TIER_IDS.reader << 32n) | 1n;

describe("Publication: edge cases", () => {
  it("keeps the money owed when a payee cannot receive it, so it can be retried", async () => {
    const p = await loadPublication();
    const { alice } = p.accounts;
    // Contracts without a receive function stand in for payees that refuse ETH.
    const refusing = p.pass.address;
    await (await p.as(alice)).pass.write.purchase([TIER_IDS.reader, alice.account.address, p.editions.address], {
      value: TIERS.reader.price,
    });
    const owedToEditions = await p.pass.read.owed([p.editions.address]);
    await p.viem.assertions.revertWithCustomErrorWithArgs(
      p.pass.write.withdraw([p.editions.address]),
      p.pass,
      "MembershipPassPayoutFailed",
      [getAddress(p.editions.address), owedToEditions],
    );
    assert.equal(await p.pass.read.owed([p.editions.address]), owedToEditions);

    await p.editions.write.publish([articleParams([refusing, p.accounts.authorB.account.address])]);
    const id = await p.editions.read.articleCount();
    const price = (await p.editions.read.article([id]))[1].price;
    await p.editions.write.collect([id, 1n, alice.account.address, zeroAddress], { value: price });
    const owedToPass = await p.editions.read.owed([refusing, [id]]);
    await p.viem.assertions.revertWithCustomErrorWithArgs(
      p.editions.write.withdraw([refusing, [id]]),
      p.editions,
      "ArticleEditionsPayoutFailed",
      [getAddress(refusing), owedToPass],
    );
    assert.equal(await p.editions.read.owed([refusing, [id]]), owedToPass);
  });

  it("rejects a zero author address", async () => {
    const p = await loadPublication();
    await p.viem.assertions.revertWithCustomErrorWithArgs(
      p.editions.write.publish([articleParams([zeroAddress, p.accounts.authorB.account.address])]),
      p.editions,
      "ArticleEditionsInvalidAuthor",
      [zeroAddress],
    );
  });

  it("reports treasuries and the referral share, and lets the admin change royalties", async () => {
    const p = await loadPublication();
    const treasury = getAddress(p.accounts.treasury.account.address);
    assert.equal(await p.pass.read.treasury(), treasury);
    assert.equal(await p.editions.read.treasury(), treasury);
    assert.equal(await p.pass.read.referralBps(), 1_000);
    await p.pass.write.setReferralBps([250]);
    assert.equal(await p.pass.read.referralBps(), 250);
    await p.pass.write.setRoyaltyBps([1_000n]);
    const [receiver, amount] = await p.pass.read.royaltyInfo([readerToken, 1_000n]);
    assert.equal(receiver, treasury);
    assert.equal(amount, 100n);
  });

  it("reverts reading an unknown tier", async () => {
    const p = await loadPublication();
    await p.viem.assertions.revertWithCustomErrorWithArgs(p.pass.read.tier([9n]), p.pass, "MembershipPassUnknownTier", [9n]);
  });

  it("refuses payment with a cancellation and cancelling a lifetime pass", async () => {
    const p = await loadPublication();
    const { alice } = p.accounts;
    const alicePass = (await p.as(alice)).pass;
    await alicePass.write.purchase([TIER_IDS.reader, alice.account.address, zeroAddress], { value: TIERS.reader.price });
    await alicePass.write.purchase([TIER_IDS.member, alice.account.address, zeroAddress], { value: TIERS.member.price });
    await p.viem.assertions.revertWithCustomErrorWithArgs(
      alicePass.write.cancelSubscription([readerToken], { value: 1n }),
      p.pass,
      "MembershipPassWrongPayment",
      [0n, 1n],
    );
    const memberToken = (TIER_IDS.member << 32n) | 1n;
    await p.viem.assertions.revertWithCustomErrorWithArgs(
      alicePass.write.cancelSubscription([memberToken]),
      p.pass,
      "MembershipPassNotRenewable",
      [memberToken],
    );
  });

  it("refuses a renewal toward the end of the timestamp range (the year 36812)", async () => {
    const p = await loadPublication();
    const { alice } = p.accounts;
    await p.pass.write.updateTier([TIER_IDS.reader, { ...TIERS.reader, price: 1n }]);
    await (await p.as(alice)).pass.write.purchase([TIER_IDS.reader, alice.account.address, zeroAddress], {
      value: 1n,
    });
    const periods = 2n ** 40n / MONTH;
    await p.viem.assertions.revertWithCustomError(
      p.pass.write.renewSubscription([readerToken, periods * MONTH], { value: periods }),
      p.pass,
      "MembershipPassRenewalTooFar",
    );
  });
});
