import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { getAddress, maxUint64, zeroAddress } from "viem";
import { connectPublication, DAY, MONTH, TIER_IDS, TIERS, type Publication } from "../helpers/publicationFixture.ts";

const loadPublication = await connectPublication();
const readerToken = (TIER_IDS.reader << 32n) | 1n;

async function buyReaderPass(p: Publication) {
  const { alice } = p.accounts;
  await (await p.as(alice)).pass.write.purchase([TIER_IDS.reader, alice.account.address, zeroAddress], {
    value: TIERS.reader.price,
  });
  return p.pass.read.expiresAt([readerToken]);
}

describe("MembershipPass: ERC-5643 renewals and expiry", () => {
  it("locks reading once the pass expires", async () => {
    const p = await loadPublication();
    const alice = p.accounts.alice.account.address;
    const expiry = await buyReaderPass(p);
    await p.networkHelpers.time.increaseTo(expiry - 1n);
    assert.equal(await p.pass.read.hasAccess([alice, 1]), true, "readable in the pass's last second");
    await p.networkHelpers.time.increaseTo(expiry);
    assert.equal(await p.pass.read.hasAccess([alice, 1]), false, "locked at the expiry second");
  });

  it("renews by whole periods from the current expiry while active, paid by anyone", async () => {
    const p = await loadPublication();
    const expiry = await buyReaderPass(p);
    const bobPass = (await p.as(p.accounts.bob)).pass;
    await p.viem.assertions.emitWithArgs(
      bobPass.write.renewSubscription([readerToken, MONTH * 2n], { value: TIERS.reader.price * 2n }),
      p.pass,
      "SubscriptionUpdate",
      [readerToken, expiry + MONTH * 2n],
    );
    assert.equal(await p.pass.read.expiresAt([readerToken]), expiry + MONTH * 2n);
    assert.equal(await p.pass.read.owed([p.accounts.treasury.account.address]), TIERS.reader.price * 3n);
  });

  it("renews a lapsed pass from now, not from its old expiry", async () => {
    const p = await loadPublication();
    const expiry = await buyReaderPass(p);
    await p.networkHelpers.time.increaseTo(expiry + 10n * DAY);
    const renewedAt = expiry + 10n * DAY + 1n;
    await p.networkHelpers.time.setNextBlockTimestamp(renewedAt);
    await p.pass.write.renewSubscription([readerToken, MONTH], { value: TIERS.reader.price });
    assert.equal(await p.pass.read.expiresAt([readerToken]), renewedAt + MONTH);
    assert.equal(await p.pass.read.hasAccess([p.accounts.alice.account.address, 1]), true);
  });

  it("rejects renewals that are not whole periods or not paid exactly", async () => {
    const p = await loadPublication();
    await buyReaderPass(p);
    for (const duration of [0n, MONTH - 1n, MONTH + DAY]) {
      await p.viem.assertions.revertWithCustomErrorWithArgs(
        p.pass.write.renewSubscription([readerToken, duration], { value: TIERS.reader.price }),
        p.pass,
        "MembershipPassInvalidRenewal",
        [readerToken, duration, Number(MONTH)],
      );
    }
    await p.viem.assertions.revertWithCustomErrorWithArgs(
      p.pass.write.renewSubscription([readerToken, MONTH * 3n], { value: TIERS.reader.price * 2n }),
      p.pass,
      "MembershipPassWrongPayment",
      [TIERS.reader.price * 3n, TIERS.reader.price * 2n],
    );
    await p.viem.assertions.revertWithCustomErrorWithArgs(
      p.pass.write.renewSubscription([readerToken + 1n, MONTH], { value: TIERS.reader.price }),
      p.pass,
      "ERC721NonexistentToken",
      [readerToken + 1n],
    );
  });

  it("treats lifetime passes as never expiring and not renewable", async () => {
    const p = await loadPublication();
    const { alice } = p.accounts;
    await (await p.as(alice)).pass.write.purchase([TIER_IDS.member, alice.account.address, zeroAddress], {
      value: TIERS.member.price,
    });
    const memberToken = (TIER_IDS.member << 32n) | 1n;
    assert.equal(await p.pass.read.expiresAt([memberToken]), maxUint64);
    assert.equal(await p.pass.read.isRenewable([memberToken]), false);
    await p.viem.assertions.revertWithCustomErrorWithArgs(
      p.pass.write.renewSubscription([memberToken, MONTH], { value: TIERS.member.price }),
      p.pass,
      "MembershipPassNotRenewable",
      [memberToken],
    );
    await p.networkHelpers.time.increase(DAY * 365n * 50n);
    assert.equal(await p.pass.read.hasAccess([alice.account.address, 2]), true);
  });

  it("lets the holder cancel, ending access now, and nobody else", async () => {
    const p = await loadPublication();
    await buyReaderPass(p);
    assert.equal(await p.pass.read.isRenewable([readerToken]), true);
    await p.viem.assertions.revertWithCustomErrorWithArgs(
      (await p.as(p.accounts.bob)).pass.write.cancelSubscription([readerToken]),
      p.pass,
      "ERC721InsufficientApproval",
      [p.accounts.bob.account.address, readerToken],
    );
    const alicePass = (await p.as(p.accounts.alice)).pass;
    // ERC-5643: a cancelled subscription's expiration is 0, announced once.
    await p.viem.assertions.emitWithArgs(alicePass.write.cancelSubscription([readerToken]), p.pass, "SubscriptionUpdate", [
      readerToken,
      0n,
    ]);
    assert.equal(await p.pass.read.expiresAt([readerToken]), 0n);
    assert.equal(await p.pass.read.hasAccess([p.accounts.alice.account.address, 1]), false);
    const again = await p.publicClient.waitForTransactionReceipt({
      hash: await alicePass.write.cancelSubscription([readerToken]),
    });
    assert.equal(again.logs.length, 0, "cancelling a cancelled pass changes nothing and says nothing");
    await p.pass.write.renewSubscription([readerToken, MONTH], { value: TIERS.reader.price });
    assert.equal(await p.pass.read.hasAccess([p.accounts.alice.account.address, 1]), true);
  });
});

describe("MembershipPass: renewals are bounded", () => {
  it("refuses to pay a pass more than 24 periods ahead, so a cheap period never becomes lifetime access", async () => {
    const p = await loadPublication();
    await p.pass.write.updateTier([TIER_IDS.reader, { ...TIERS.reader, price: 0n }]); // a free trial tier
    const { alice } = p.accounts;
    await (await p.as(alice)).pass.write.purchase([TIER_IDS.reader, alice.account.address, zeroAddress]);
    const max = await p.pass.read.MAX_PREPAID_PERIODS();
    const now = BigInt(await p.networkHelpers.time.latest());
    await p.networkHelpers.time.setNextBlockTimestamp(now + 1n);
    await p.viem.assertions.revertWithCustomErrorWithArgs(
      p.pass.write.renewSubscription([readerToken, MONTH * max]),
      p.pass,
      "MembershipPassRenewalTooFar",
      [readerToken, now + MONTH + MONTH * max, now + 1n + MONTH * max],
    );
    // Up to the bound it is fine, and a lapsed pass may again be paid 24 periods ahead.
    await p.pass.write.renewSubscription([readerToken, MONTH * (max - 1n)]);
    await p.viem.assertions.revertWithCustomError(
      p.pass.write.renewSubscription([readerToken, MONTH]),
      p.pass,
      "MembershipPassRenewalTooFar",
    );
    await p.networkHelpers.time.increase(MONTH * max + DAY);
    await p.pass.write.renewSubscription([readerToken, MONTH * max]);
    const expiry = await p.pass.read.expiresAt([readerToken]);
    assert.equal(expiry, BigInt(await p.networkHelpers.time.latest()) + MONTH * max);
  });

  it("keeps renewals open after the tier's sale closes: subscribers keep their seat", async () => {
    const p = await loadPublication();
    const expiry = await buyReaderPass(p);
    await p.pass.write.updateTier([TIER_IDS.reader, { ...TIERS.reader, saleOpen: false }]);
    await p.pass.write.renewSubscription([readerToken, MONTH], { value: TIERS.reader.price });
    assert.equal(await p.pass.read.expiresAt([readerToken]), expiry + MONTH);
  });
});

describe("MembershipPass: transfers", () => {
  it("moves the pass and its remaining time to the new holder", async () => {
    const p = await loadPublication();
    const { alice, bob } = p.accounts;
    const expiry = await buyReaderPass(p);
    await (await p.as(alice)).pass.write.transferFrom([alice.account.address, bob.account.address, readerToken]);
    assert.equal(await p.pass.read.hasAccess([alice.account.address, 1]), false);
    assert.equal(await p.pass.read.hasAccess([bob.account.address, 1]), true);
    assert.equal(await p.pass.read.expiresAt([readerToken]), expiry);
    assert.equal(await p.pass.read.passOf([bob.account.address, TIER_IDS.reader]), readerToken);
    assert.equal(await p.pass.read.passOf([alice.account.address, TIER_IDS.reader]), 0n);
  });

  it("refuses a transfer into a wallet that already holds that tier", async () => {
    const p = await loadPublication();
    const { alice, bob } = p.accounts;
    await buyReaderPass(p);
    await (await p.as(bob)).pass.write.purchase([TIER_IDS.reader, bob.account.address, zeroAddress], {
      value: TIERS.reader.price,
    });
    await p.viem.assertions.revertWithCustomErrorWithArgs(
      (await p.as(alice)).pass.write.transferFrom([alice.account.address, bob.account.address, readerToken]),
      p.pass,
      "MembershipPassTierAlreadyHeld",
      [bob.account.address, TIER_IDS.reader, readerToken + 1n],
    );
  });

  it("keeps soulbound passes where they are", async () => {
    const p = await loadPublication();
    const { alice, bob } = p.accounts;
    await (await p.as(alice)).pass.write.purchase([TIER_IDS.premium, alice.account.address, zeroAddress], {
      value: TIERS.premium.price,
    });
    const premiumToken = (TIER_IDS.premium << 32n) | 1n;
    await p.viem.assertions.revertWithCustomErrorWithArgs(
      (await p.as(alice)).pass.write.transferFrom([alice.account.address, bob.account.address, premiumToken]),
      p.pass,
      "MembershipPassSoulbound",
      [premiumToken],
    );
    assert.equal(await p.pass.read.hasAccess([alice.account.address, 2]), true);
  });

  it("checks approval before its own rules (EIP-6093): a stranger gets ERC721InsufficientApproval", async () => {
    const p = await loadPublication();
    const { alice, bob } = p.accounts;
    await (await p.as(alice)).pass.write.purchase([TIER_IDS.premium, alice.account.address, zeroAddress], {
      value: TIERS.premium.price,
    });
    await buyReaderPass(p);
    await (await p.as(bob)).pass.write.purchase([TIER_IDS.reader, bob.account.address, zeroAddress], {
      value: TIERS.reader.price,
    });
    const premiumToken = (TIER_IDS.premium << 32n) | 1n;
    // Soulbound, and held by the recipient: neither rule speaks before the missing approval.
    for (const tokenId of [premiumToken, readerToken]) {
      await p.viem.assertions.revertWithCustomErrorWithArgs(
        (await p.as(bob)).pass.write.transferFrom([alice.account.address, bob.account.address, tokenId]),
        p.pass,
        "ERC721InsufficientApproval",
        [getAddress(bob.account.address), tokenId],
      );
    }
  });
});

describe("MembershipPass: votes", () => {
  it("gives member passes their weight with no delegation step, and reader passes none", async () => {
    const p = await loadPublication();
    const { alice, bob } = p.accounts;
    await buyReaderPass(p);
    assert.equal(await p.pass.read.getVotes([alice.account.address]), 0n);
    assert.equal(await p.pass.read.delegates([alice.account.address]), zeroAddress);

    await (await p.as(bob)).pass.write.purchase([TIER_IDS.member, bob.account.address, zeroAddress], {
      value: TIERS.member.price,
    });
    assert.equal(await p.pass.read.getVotes([bob.account.address]), BigInt(TIERS.member.votingWeight));
    assert.equal((await p.pass.read.delegates([bob.account.address])).toLowerCase(), bob.account.address);
  });

  it("moves votes with a transferred member pass and respects an existing delegation", async () => {
    const p = await loadPublication();
    const { alice, bob, carol } = p.accounts;
    await (await p.as(carol)).pass.write.delegate([alice.account.address]);
    await (await p.as(bob)).pass.write.purchase([TIER_IDS.member, bob.account.address, zeroAddress], {
      value: TIERS.member.price,
    });
    const memberToken = (TIER_IDS.member << 32n) | 1n;
    await (await p.as(bob)).pass.write.transferFrom([bob.account.address, carol.account.address, memberToken]);
    assert.equal(await p.pass.read.getVotes([bob.account.address]), 0n);
    assert.equal(await p.pass.read.getVotes([carol.account.address]), 0n, "carol delegated to alice");
    assert.equal(await p.pass.read.getVotes([alice.account.address]), 3n);
    await (await p.as(carol)).pass.write.delegate([carol.account.address]);
    assert.equal(await p.pass.read.getVotes([carol.account.address]), 3n);
    assert.equal(await p.pass.read.getVotes([alice.account.address]), 0n);
  });

  it("never re-delegates a holder who delegated to nobody, even when sent a pass", async () => {
    const p = await loadPublication();
    const { alice, bob } = p.accounts;
    const memberToken = (TIER_IDS.member << 32n) | 1n;
    await (await p.as(alice)).pass.write.purchase([TIER_IDS.member, alice.account.address, zeroAddress], {
      value: TIERS.member.price,
    });
    const alicePass = (await p.as(alice)).pass;
    await alicePass.write.delegate([zeroAddress]);
    assert.equal(await p.pass.read.getVotes([alice.account.address]), 0n);
    await alicePass.write.transferFrom([alice.account.address, bob.account.address, memberToken]);
    await (await p.as(bob)).pass.write.transferFrom([bob.account.address, alice.account.address, memberToken]);
    assert.equal(await p.pass.read.delegates([alice.account.address]), zeroAddress, "the opt-out sticks");
    assert.equal(await p.pass.read.getVotes([alice.account.address]), 0n);
    // Choosing a delegate again is the holder's own act.
    await alicePass.write.delegate([alice.account.address]);
    assert.equal(await p.pass.read.getVotes([alice.account.address]), 3n);
  });

  it("uses a timestamp clock (ERC-6372) and checkpoints total supply", async () => {
    const p = await loadPublication();
    const { bob } = p.accounts;
    assert.equal(await p.pass.read.CLOCK_MODE(), "mode=timestamp");
    const before = await p.networkHelpers.time.latest();
    assert.equal(await p.pass.read.clock(), before);
    await (await p.as(bob)).pass.write.purchase([TIER_IDS.member, bob.account.address, zeroAddress], {
      value: TIERS.member.price,
    });
    const mintedAt = BigInt(await p.networkHelpers.time.latest());
    await p.networkHelpers.time.increase(1);
    assert.equal(await p.pass.read.getPastTotalSupply([mintedAt - 1n]), 0n);
    assert.equal(await p.pass.read.getPastTotalSupply([mintedAt]), 3n);
  });
});

describe("MembershipPass: standards", () => {
  it("announces ERC-721, ERC-2981, ERC-4906 and ERC-5643 through ERC-165", async () => {
    const p = await loadPublication();
    for (const id of ["0x80ac58cd", "0x5b5e139f", "0x2a55205a", "0x49064906", "0x8c65f84d", "0x01ffc9a7"] as const) {
      assert.equal(await p.pass.read.supportsInterface([id]), true, id);
    }
    assert.equal(await p.pass.read.supportsInterface(["0xffffffff"]), false);
  });

  it("pays royalties to the treasury and serves the collection metadata", async () => {
    const p = await loadPublication();
    const [receiver, amount] = await p.pass.read.royaltyInfo([1n, 10_000n]);
    assert.equal(receiver.toLowerCase(), p.accounts.treasury.account.address);
    assert.equal(amount, 500n);
    assert.equal(await p.pass.read.contractURI(), "ipfs://pass-collection");
    await p.viem.assertions.emit(p.pass.write.setContractURI(["ipfs://new"]), p.pass, "ContractURIUpdated");
    assert.equal(await p.pass.read.contractURI(), "ipfs://new");
  });

  it("keeps admin settings behind the admin role and validates them", async () => {
    const p = await loadPublication();
    const { alice, bob } = p.accounts;
    const alicePass = (await p.as(alice)).pass;
    const admin = await p.pass.read.DEFAULT_ADMIN_ROLE();
    for (const call of [
      alicePass.write.setTreasury([alice.account.address]),
      alicePass.write.setReferralBps([100]),
      alicePass.write.setRoyaltyBps([100n]),
      alicePass.write.setContractURI(["ipfs://x"]),
    ]) {
      await p.viem.assertions.revertWithCustomErrorWithArgs(call, p.pass, "AccessControlUnauthorizedAccount", [
        alice.account.address,
        admin,
      ]);
    }
    await p.viem.assertions.revertWithCustomErrorWithArgs(
      p.pass.write.setReferralBps([2_001]),
      p.pass,
      "MembershipPassInvalidReferralBps",
      [2_001],
    );
    await p.viem.assertions.revertWithCustomErrorWithArgs(
      p.pass.write.setTreasury([zeroAddress]),
      p.pass,
      "MembershipPassInvalidTreasury",
      [zeroAddress],
    );
    await buyReaderPass(p);
    await p.pass.write.setTreasury([bob.account.address]);
    assert.equal(await p.pass.read.owed([bob.account.address]), TIERS.reader.price, "unwithdrawn revenue follows");
  });

  it("pays royalties to whoever is the treasury now, at the rate the admin sets", async () => {
    const p = await loadPublication();
    const { bob } = p.accounts;
    await p.pass.write.setTreasury([bob.account.address]);
    assert.deepEqual(await p.pass.read.royaltyInfo([1n, 10_000n]), [getAddress(bob.account.address), 500n]);
    await p.pass.write.setRoyaltyBps([250n]);
    assert.deepEqual(await p.pass.read.royaltyInfo([1n, 10_000n]), [getAddress(bob.account.address), 250n]);
  });
});
