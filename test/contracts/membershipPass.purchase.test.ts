import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { getAddress, zeroAddress } from "viem";
import { connectPublication, MONTH, TIER_IDS, TIERS } from "../helpers/publicationFixture.ts";

const loadPublication = await connectPublication();
const tokenIdOf = (tierId: bigint, serial: bigint) => (tierId << 32n) | serial;

describe("MembershipPass: buying passes", () => {
  it("sells a reader pass for the exact price and gives 30 days of access", async () => {
    const { viem, pass, as, accounts, publicClient } = await loadPublication();
    const { alice } = accounts;
    const alicePass = (await as(alice)).pass;
    const tokenId = tokenIdOf(TIER_IDS.reader, 1n);

    const hash = alicePass.write.purchase([TIER_IDS.reader, alice.account.address, zeroAddress], {
      value: TIERS.reader.price,
    });
    await viem.assertions.emitWithArgs(hash, pass, "Transfer", [zeroAddress, alice.account.address, tokenId]);
    const block = await publicClient.getBlock();
    const expiry = block.timestamp + MONTH;

    assert.equal(await pass.read.ownerOf([tokenId]), getAddress(alice.account.address));
    assert.equal(await pass.read.expiresAt([tokenId]), expiry);
    assert.equal(await pass.read.passOf([alice.account.address, TIER_IDS.reader]), tokenId);
    assert.equal(await pass.read.hasAccess([alice.account.address, 1]), true);
    assert.equal(await pass.read.hasAccess([alice.account.address, 2]), false, "a level-1 pass must not read level 2");
    assert.equal(await pass.read.tokenURI([tokenId]), TIERS.reader.metadataURI);
  });

  it("emits SubscriptionUpdate with the expiry when a time-limited pass is minted", async () => {
    const { viem, pass, as, accounts, networkHelpers } = await loadPublication();
    const { alice } = accounts;
    const next = BigInt(await networkHelpers.time.latest()) + 10n;
    await networkHelpers.time.setNextBlockTimestamp(next);
    await viem.assertions.emitWithArgs(
      (await as(alice)).pass.write.purchase([TIER_IDS.reader, alice.account.address, zeroAddress], {
        value: TIERS.reader.price,
      }),
      pass,
      "SubscriptionUpdate",
      [tokenIdOf(TIER_IDS.reader, 1n), next + MONTH],
    );
  });

  it("lets anyone buy a pass as a gift for another wallet", async () => {
    const { pass, as, accounts } = await loadPublication();
    const { alice, bob } = accounts;
    await (await as(alice)).pass.write.purchase([TIER_IDS.reader, bob.account.address, zeroAddress], {
      value: TIERS.reader.price,
    });
    assert.equal(await pass.read.ownerOf([tokenIdOf(TIER_IDS.reader, 1n)]), getAddress(bob.account.address));
    assert.equal(await pass.read.hasAccess([bob.account.address, 1]), true);
    assert.equal(await pass.read.hasAccess([alice.account.address, 1]), false);
  });

  it("rejects a wrong payment with the expected and sent amounts", async () => {
    const { viem, pass, as, accounts } = await loadPublication();
    const { alice } = accounts;
    const alicePass = (await as(alice)).pass;
    for (const sent of [0n, TIERS.reader.price - 1n, TIERS.reader.price + 1n]) {
      await viem.assertions.revertWithCustomErrorWithArgs(
        alicePass.write.purchase([TIER_IDS.reader, alice.account.address, zeroAddress], { value: sent }),
        pass,
        "MembershipPassWrongPayment",
        [TIERS.reader.price, sent],
      );
    }
    assert.equal(await pass.read.balanceOf([alice.account.address]), 0n);
  });

  it("rejects unknown tiers, closed sales and sold-out tiers", async () => {
    const { viem, pass, as, accounts } = await loadPublication();
    const { alice, bob, carol, authorA } = accounts;
    const alicePass = (await as(alice)).pass;
    await viem.assertions.revertWithCustomErrorWithArgs(
      alicePass.write.purchase([99n, alice.account.address, zeroAddress]),
      pass,
      "MembershipPassUnknownTier",
      [99n],
    );

    await pass.write.updateTier([TIER_IDS.reader, { ...TIERS.reader, saleOpen: false }]);
    await viem.assertions.revertWithCustomErrorWithArgs(
      alicePass.write.purchase([TIER_IDS.reader, alice.account.address, zeroAddress], { value: TIERS.reader.price }),
      pass,
      "MembershipPassSaleClosed",
      [TIER_IDS.reader],
    );

    for (const buyer of [alice, bob, carol]) {
      await alicePass.write.purchase([TIER_IDS.premium, buyer.account.address, zeroAddress], {
        value: TIERS.premium.price,
      });
    }
    await viem.assertions.revertWithCustomErrorWithArgs(
      alicePass.write.purchase([TIER_IDS.premium, authorA.account.address, zeroAddress], {
        value: TIERS.premium.price,
      }),
      pass,
      "MembershipPassSoldOut",
      [TIER_IDS.premium, TIERS.premium.maxSupply],
    );
  });

  it("renews a held tier by one period when it is bought again, taking no new seat", async () => {
    const { viem, pass, as, accounts, networkHelpers } = await loadPublication();
    const { alice, bob, treasury } = accounts;
    await (await as(alice)).pass.write.purchase([TIER_IDS.premium, alice.account.address, zeroAddress], {
      value: TIERS.premium.price,
    });
    const tokenId = tokenIdOf(TIER_IDS.premium, 1n);
    const expiry = await pass.read.expiresAt([tokenId]);
    // A second purchase while active extends from the current expiry, like renewSubscription.
    await viem.assertions.emitWithArgs(
      (await as(bob)).pass.write.purchase([TIER_IDS.premium, alice.account.address, bob.account.address], {
        value: TIERS.premium.price,
      }),
      pass,
      "PassPurchased",
      [tokenId, getAddress(bob.account.address), getAddress(alice.account.address), zeroAddress, TIERS.premium.price],
    );
    assert.equal(await pass.read.expiresAt([tokenId]), expiry + MONTH);
    // Once lapsed, and with the sale closed, buying again restarts it from now.
    await pass.write.updateTier([TIER_IDS.premium, { ...TIERS.premium, saleOpen: false }]);
    await networkHelpers.time.increaseTo(expiry + MONTH * 3n);
    const renewedAt = expiry + MONTH * 3n + 1n;
    await networkHelpers.time.setNextBlockTimestamp(renewedAt);
    await (await as(alice)).pass.write.purchase([TIER_IDS.premium, alice.account.address, zeroAddress], {
      value: TIERS.premium.price,
    });
    assert.equal(await pass.read.expiresAt([tokenId]), renewedAt + MONTH);
    const [, minted, seats] = await pass.read.tier([TIER_IDS.premium]);
    assert.deepEqual([minted, seats], [1, 1], "renewals take no seat");
    assert.equal(await pass.read.owed([bob.account.address]), 0n, "a renewal credits no referral");
    assert.equal(await pass.read.owed([treasury.account.address]), TIERS.premium.price * 3n);
  });

  it("lets a wallet sent an unwanted lapsed pass still buy that tier, renewing what it was sent", async () => {
    const { pass, as, accounts, networkHelpers } = await loadPublication();
    const { alice, bob } = accounts;
    await (await as(alice)).pass.write.purchase([TIER_IDS.reader, alice.account.address, zeroAddress], {
      value: TIERS.reader.price,
    });
    const tokenId = tokenIdOf(TIER_IDS.reader, 1n);
    await networkHelpers.time.increase(MONTH * 2n);
    await (await as(alice)).pass.write.transferFrom([alice.account.address, bob.account.address, tokenId]);
    await (await as(bob)).pass.write.purchase([TIER_IDS.reader, bob.account.address, zeroAddress], {
      value: TIERS.reader.price,
    });
    assert.equal(await pass.read.hasAccess([bob.account.address, 1]), true);
    assert.equal(await pass.read.expiresAt([tokenId]), BigInt(await networkHelpers.time.latest()) + MONTH);
  });

  it("refuses a second lifetime pass of a tier the wallet holds, pointing at the held pass", async () => {
    const { viem, pass, as, accounts } = await loadPublication();
    const { alice, bob } = accounts;
    await (await as(alice)).pass.write.purchase([TIER_IDS.member, alice.account.address, zeroAddress], {
      value: TIERS.member.price,
    });
    await viem.assertions.revertWithCustomErrorWithArgs(
      (await as(bob)).pass.write.purchase([TIER_IDS.member, alice.account.address, zeroAddress], {
        value: TIERS.member.price,
      }),
      pass,
      "MembershipPassTierAlreadyHeld",
      [getAddress(alice.account.address), TIER_IDS.member, tokenIdOf(TIER_IDS.member, 1n)],
    );
  });

  it("announces every new pass with PassPurchased: buyer, recipient, credited referrer and price", async () => {
    const { viem, pass, as, accounts } = await loadPublication();
    const { alice, bob, referrer } = accounts;
    await viem.assertions.emitWithArgs(
      (await as(alice)).pass.write.purchase([TIER_IDS.member, bob.account.address, referrer.account.address], {
        value: TIERS.member.price,
      }),
      pass,
      "PassPurchased",
      [
        tokenIdOf(TIER_IDS.member, 1n),
        getAddress(alice.account.address),
        getAddress(bob.account.address),
        getAddress(referrer.account.address),
        TIERS.member.price,
      ],
    );
    // A self-referral is not credited, and the event says so.
    await viem.assertions.emitWithArgs(
      (await as(alice)).pass.write.purchase([TIER_IDS.reader, alice.account.address, alice.account.address], {
        value: TIERS.reader.price,
      }),
      pass,
      "PassPurchased",
      [
        tokenIdOf(TIER_IDS.reader, 1n),
        getAddress(alice.account.address),
        getAddress(alice.account.address),
        zeroAddress,
        TIERS.reader.price,
      ],
    );
  });

  it("pays the referrer its share and the treasury the rest, both by withdrawal", async () => {
    const { viem, pass, as, accounts } = await loadPublication();
    const { alice, treasury, referrer, bob } = accounts;
    const price = TIERS.member.price;
    const referral = (price * 1_000n) / 10_000n;

    await viem.assertions.emitWithArgs(
      (await as(alice)).pass.write.purchase([TIER_IDS.member, alice.account.address, referrer.account.address], {
        value: price,
      }),
      pass,
      "ReferralCredited",
      [referrer.account.address, referral],
    );
    assert.equal(await pass.read.owed([referrer.account.address]), referral);
    assert.equal(await pass.read.owed([treasury.account.address]), price - referral);

    await viem.assertions.balancesHaveChanged((await as(bob)).pass.write.withdraw([referrer.account.address]), [
      { address: referrer.account.address, amount: referral },
    ]);
    await viem.assertions.balancesHaveChanged(pass.write.withdraw([treasury.account.address]), [
      { address: treasury.account.address, amount: price - referral },
    ]);
    assert.equal(await viem.getPublicClient().then((c) => c.getBalance({ address: pass.address })), 0n);
    await viem.assertions.revertWithCustomErrorWithArgs(
      pass.write.withdraw([referrer.account.address]),
      pass,
      "MembershipPassNothingOwed",
      [referrer.account.address],
    );
  });

  it("gives no referral when buyers name themselves or the recipient as referrer", async () => {
    const { pass, as, accounts } = await loadPublication();
    const { alice, bob, treasury } = accounts;
    const alicePass = (await as(alice)).pass;
    await alicePass.write.purchase([TIER_IDS.reader, alice.account.address, alice.account.address], {
      value: TIERS.reader.price,
    });
    await alicePass.write.purchase([TIER_IDS.reader, bob.account.address, bob.account.address], {
      value: TIERS.reader.price,
    });
    assert.equal(await pass.read.owed([alice.account.address]), 0n);
    assert.equal(await pass.read.owed([bob.account.address]), 0n);
    assert.equal(await pass.read.owed([treasury.account.address]), TIERS.reader.price * 2n);
  });

  it("sends mints to contracts only when they accept ERC-721 tokens", async () => {
    const { viem, pass, as, accounts } = await loadPublication();
    const { alice } = accounts;
    await viem.assertions.revertWithCustomErrorWithArgs(
      (await as(alice)).pass.write.purchase([TIER_IDS.reader, pass.address, zeroAddress], {
        value: TIERS.reader.price,
      }),
      pass,
      "ERC721InvalidReceiver",
      [pass.address],
    );
  });
});
