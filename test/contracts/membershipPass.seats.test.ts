import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { getAddress, zeroAddress } from "viem";
import { connectPublication, DAY, MONTH, TIER_IDS, TIERS, type Publication } from "../helpers/publicationFixture.ts";

const loadPublication = await connectPublication();
const tokenIdOf = (tierId: bigint, serial: bigint) => (tierId << 32n) | serial;
const GRACE = 30n * DAY;

/** Fills the premium tier's three seats (alice, bob, carol) and returns alice's pass. */
async function fillPremium(p: Publication) {
  const { alice, bob, carol } = p.accounts;
  for (const buyer of [alice, bob, carol]) {
    await (await p.as(buyer)).pass.write.purchase([TIER_IDS.premium, buyer.account.address, zeroAddress], {
      value: TIERS.premium.price,
    });
  }
  return tokenIdOf(TIER_IDS.premium, 1n);
}

const buyPremium = async (p: Publication, buyer: Publication["accounts"]["alice"]) =>
  (await p.as(buyer)).pass.write.purchase([TIER_IDS.premium, buyer.account.address, zeroAddress], {
    value: TIERS.premium.price,
  });

describe("MembershipPass: seats of capped subscription tiers come back", () => {
  it("frees a seat when a holder burns their own (even soulbound) pass", async () => {
    const p = await loadPublication();
    const { alice, authorA } = p.accounts;
    const aliceToken = await fillPremium(p);
    await p.viem.assertions.revertWithCustomErrorWithArgs(buyPremium(p, authorA), p.pass, "MembershipPassSoldOut", [
      TIER_IDS.premium,
      TIERS.premium.maxSupply,
    ]);
    await (await p.as(alice)).pass.write.burn([aliceToken]);
    assert.equal(await p.pass.read.passOf([alice.account.address, TIER_IDS.premium]), 0n);
    assert.equal(await p.pass.read.hasAccess([alice.account.address, 2]), false);
    await buyPremium(p, authorA);
    assert.equal(await p.pass.read.hasAccess([authorA.account.address, 2]), true);
    const [, minted, seats] = await p.pass.read.tier([TIER_IDS.premium]);
    assert.deepEqual([minted, seats], [4, 3]);
  });

  it("lets nobody else burn a pass that is live or within its grace period", async () => {
    const p = await loadPublication();
    const { bob } = p.accounts;
    const aliceToken = await fillPremium(p);
    const bobPass = (await p.as(bob)).pass;
    await p.viem.assertions.revertWithCustomErrorWithArgs(bobPass.write.burn([aliceToken]), p.pass, "ERC721InsufficientApproval", [
      getAddress(bob.account.address),
      aliceToken,
    ]);
    const expiry = await p.pass.read.expiresAt([aliceToken]);
    await p.networkHelpers.time.increaseTo(expiry + GRACE - 2n);
    await p.viem.assertions.revertWithCustomErrorWithArgs(
      bobPass.write.reclaimSeat([aliceToken]),
      p.pass,
      "MembershipPassSeatNotReclaimable",
      [aliceToken, expiry + GRACE],
    );
  });

  it("lets anyone reclaim the seat of a pass lapsed longer than the grace period", async () => {
    const p = await loadPublication();
    const { alice, authorA } = p.accounts;
    const aliceToken = await fillPremium(p);
    const expiry = await p.pass.read.expiresAt([aliceToken]);
    await p.networkHelpers.time.increaseTo(expiry + GRACE);
    await p.viem.assertions.emitWithArgs((await p.as(authorA)).pass.write.reclaimSeat([aliceToken]), p.pass, "Transfer", [
      getAddress(alice.account.address),
      zeroAddress,
      aliceToken,
    ]);
    await buyPremium(p, authorA);
    assert.equal(await p.pass.read.hasAccess([authorA.account.address, 2]), true);
    // The old holder may come back as a new subscriber when a seat is free.
    await (await p.as(p.accounts.bob)).pass.write.burn([tokenIdOf(TIER_IDS.premium, 2n)]);
    await buyPremium(p, alice);
    assert.equal(await p.pass.read.hasAccess([alice.account.address, 2]), true);
  });

  it("never reclaims lifetime passes, and a burned member pass takes its votes with it", async () => {
    const p = await loadPublication();
    const { alice, bob } = p.accounts;
    await (await p.as(alice)).pass.write.purchase([TIER_IDS.member, alice.account.address, zeroAddress], {
      value: TIERS.member.price,
    });
    const memberToken = tokenIdOf(TIER_IDS.member, 1n);
    await p.networkHelpers.time.increase(MONTH * 120n);
    await p.viem.assertions.revertWithCustomError(
      (await p.as(bob)).pass.write.reclaimSeat([memberToken]),
      p.pass,
      "MembershipPassSeatNotReclaimable",
    );
    assert.equal(await p.pass.read.getVotes([alice.account.address]), 3n);
    await (await p.as(alice)).pass.write.burn([memberToken]);
    assert.equal(await p.pass.read.getVotes([alice.account.address]), 0n);
    const [, minted, seats] = await p.pass.read.tier([TIER_IDS.member]);
    assert.deepEqual([minted, seats], [1, 0]);
  });
});
