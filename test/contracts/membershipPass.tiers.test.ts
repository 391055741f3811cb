import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { getAddress, parseEther, zeroAddress } from "viem";
import { connectPublication, DAY, TIER_IDS, TIERS, type Publication } from "../helpers/publicationFixture.ts";

const loadPublication = await connectPublication();
const tokenIdOf = (tierId: bigint, serial: bigint) => (tierId << 32n) | serial;

async function buy(p: Publication, tierId: keyof typeof TIER_IDS, buyer = p.accounts.alice) {
  await (await p.as(buyer)).pass.write.purchase([TIER_IDS[tierId], buyer.account.address, zeroAddress], {
    value: TIERS[tierId].price,
  });
}

/** A wallet with the manager role only, as a newsroom's business desk would have. */
async function managerOnly(p: Publication) {
  const { carol } = p.accounts;
  await p.pass.write.grantRole([await p.pass.read.MANAGER_ROLE(), carol.account.address]);
  return { manager: carol, managerPass: (await p.as(carol)).pass };
}

describe("MembershipPass: tiers", () => {
  it("lets only the manager role create and edit reading tiers", async () => {
    const { viem, pass, as, accounts } = await loadPublication();
    const { alice } = accounts;
    const role = await pass.read.MANAGER_ROLE();
    await viem.assertions.revertWithCustomErrorWithArgs(
      (await as(alice)).pass.write.createTier([TIERS.reader]),
      pass,
      "AccessControlUnauthorizedAccount",
      [getAddress(alice.account.address), role],
    );
    await viem.assertions.revertWithCustomErrorWithArgs(
      (await as(alice)).pass.write.updateTier([TIER_IDS.reader, TIERS.reader]),
      pass,
      "AccessControlUnauthorizedAccount",
      [getAddress(alice.account.address), role],
    );
  });

  it("reports a tier's configuration, passes minted and seats taken", async () => {
    const p = await loadPublication();
    await buy(p, "member");
    const [config, minted, seats] = await p.pass.read.tier([TIER_IDS.member]);
    assert.deepEqual(config, { ...TIERS.member, price: TIERS.member.price });
    assert.equal(minted, 1);
    assert.equal(seats, 1);
    assert.equal(await p.pass.read.tierCount(), 3n);
  });

  it("rejects voting weight on time-limited tiers and levels outside 1-254", async () => {
    const { viem, pass } = await loadPublication();
    await viem.assertions.revertWithCustomErrorWithArgs(
      pass.write.createTier([{ ...TIERS.reader, votingWeight: 1 }]),
      pass,
      "MembershipPassVotingTierNotLifetime",
      [TIERS.reader.duration, 1],
    );
    for (const level of [0, 255]) {
      await viem.assertions.revertWithCustomErrorWithArgs(
        pass.write.createTier([{ ...TIERS.reader, level }]),
        pass,
        "MembershipPassInvalidLevel",
        [level],
      );
    }
  });

  it("caps the number of tiers so hasAccess stays bounded", async () => {
    const { viem, pass } = await loadPublication();
    const max = await pass.read.MAX_TIERS();
    for (let i = await pass.read.tierCount(); i < max; i++) await pass.write.createTier([TIERS.reader]);
    await viem.assertions.revertWithCustomErrorWithArgs(pass.write.createTier([TIERS.reader]), pass, "MembershipPassTooManyTiers", [max]);
  });
});

describe("MembershipPass: terms of sold passes are fixed", () => {
  it("refuses to change duration, level, transferability or voting weight once a tier has minted", async () => {
    const p = await loadPublication();
    await buy(p, "premium");
    await buy(p, "member");
    const changes = [
      [TIER_IDS.premium, { ...TIERS.premium, duration: 0 }], // monthly into lifetime
      [TIER_IDS.premium, { ...TIERS.premium, duration: Number(DAY) }],
      [TIER_IDS.premium, { ...TIERS.premium, level: 3 }],
      [TIER_IDS.premium, { ...TIERS.premium, transferable: true }],
      [TIER_IDS.member, { ...TIERS.member, votingWeight: 5 }],
      [TIER_IDS.member, { ...TIERS.member, maxSupply: 101 }], // a raised cap
      [TIER_IDS.member, { ...TIERS.member, maxSupply: 0 }],
    ] as const;
    for (const [tierId, config] of changes) {
      await p.viem.assertions.revertWithCustomErrorWithArgs(
        p.pass.write.updateTier([tierId, config]),
        p.pass,
        "MembershipPassTermsLocked",
        [tierId],
      );
    }
    const [premium] = await p.pass.read.tier([TIER_IDS.premium]);
    assert.deepEqual(premium, { ...TIERS.premium, price: TIERS.premium.price });
    assert.equal(await p.pass.read.isRenewable([tokenIdOf(TIER_IDS.premium, 1n)]), true);
  });

  it("still changes price, sale and a lower supply cap, never below the seats taken", async () => {
    const p = await loadPublication();
    await buy(p, "member", p.accounts.alice);
    await buy(p, "member", p.accounts.bob);
    await p.viem.assertions.revertWithCustomErrorWithArgs(
      p.pass.write.updateTier([TIER_IDS.member, { ...TIERS.member, maxSupply: 1 }]),
      p.pass,
      "MembershipPassSupplyBelowSeats",
      [TIER_IDS.member, 1, 2],
    );
    const updated = { ...TIERS.member, price: parseEther("0.5"), maxSupply: 2, saleOpen: false, metadataURI: "ipfs://m2" };
    const first = tokenIdOf(TIER_IDS.member, 1n);
    await p.viem.assertions.emitWithArgs(p.pass.write.updateTier([TIER_IDS.member, updated]), p.pass, "BatchMetadataUpdate", [
      first,
      tokenIdOf(TIER_IDS.member, 0xffffffffn),
    ]);
    const [config] = await p.pass.read.tier([TIER_IDS.member]);
    assert.deepEqual(config, updated);
    assert.equal(await p.pass.read.tokenURI([first]), "ipfs://m2");
  });

  it("lets every term change before the first sale", async () => {
    const p = await loadPublication();
    const lifetime = { ...TIERS.reader, duration: 0, level: 4, transferable: false, maxSupply: 7 };
    await p.pass.write.updateTier([TIER_IDS.reader, lifetime]);
    const [config] = await p.pass.read.tier([TIER_IDS.reader]);
    assert.deepEqual(config, lifetime);
  });
});

describe("MembershipPass: votes are a governance power", () => {
  it("leaves creating a voting tier to the admin role", async () => {
    const p = await loadPublication();
    const { manager, managerPass } = await managerOnly(p);
    const admin = await p.pass.read.DEFAULT_ADMIN_ROLE();
    // The attack this stops: a free, unlimited tier worth 65,535 votes, minted to any wallet.
    const freeVotes = { ...TIERS.member, price: 0n, maxSupply: 0, votingWeight: 65_535 };
    await p.viem.assertions.revertWithCustomErrorWithArgs(
      managerPass.write.createTier([freeVotes]),
      p.pass,
      "AccessControlUnauthorizedAccount",
      [getAddress(manager.account.address), admin],
    );
    await managerPass.write.createTier([{ ...TIERS.reader, name: "Student" }]);
    assert.equal(await p.pass.read.tierCount(), 4n, "non-voting tiers stay with the manager");
    await p.pass.write.createTier([{ ...TIERS.member, name: "Founders" }]);
    assert.equal(await p.pass.read.tierCount(), 5n, "the admin creates voting tiers");
  });

  it("leaves who can obtain votes to the admin: price, supply and opening a voting tier's sale", async () => {
    const p = await loadPublication();
    const { manager, managerPass } = await managerOnly(p);
    const admin = await p.pass.read.DEFAULT_ADMIN_ROLE();
    for (const config of [
      { ...TIERS.member, price: 0n },
      { ...TIERS.member, maxSupply: 0 },
      { ...TIERS.member, votingWeight: 9 },
    ]) {
      await p.viem.assertions.revertWithCustomErrorWithArgs(
        managerPass.write.updateTier([TIER_IDS.member, config]),
        p.pass,
        "AccessControlUnauthorizedAccount",
        [getAddress(manager.account.address), admin],
      );
    }
    // The manager may close the sale and rename it, but not reopen it.
    const closed = { ...TIERS.member, saleOpen: false, name: "Member (closed)" };
    await managerPass.write.updateTier([TIER_IDS.member, closed]);
    await p.viem.assertions.revertWithCustomErrorWithArgs(
      managerPass.write.updateTier([TIER_IDS.member, { ...closed, saleOpen: true }]),
      p.pass,
      "AccessControlUnauthorizedAccount",
      [getAddress(manager.account.address), admin],
    );
    // Nor turn a reading tier into a voting one.
    await p.viem.assertions.revertWithCustomErrorWithArgs(
      managerPass.write.updateTier([TIER_IDS.reader, { ...TIERS.reader, duration: 0, votingWeight: 1 }]),
      p.pass,
      "AccessControlUnauthorizedAccount",
      [getAddress(manager.account.address), admin],
    );
    await p.pass.write.updateTier([TIER_IDS.member, { ...TIERS.member, price: parseEther("0.3") }]);
    const [config] = await p.pass.read.tier([TIER_IDS.member]);
    assert.equal(config.price, parseEther("0.3"));
    assert.equal(config.saleOpen, true);
  });
});
