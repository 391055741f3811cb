import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { parseEther, zeroAddress } from "viem";
import { articleParams, connectPublication, type Publication } from "../helpers/publicationFixture.ts";

const loadPublication = await connectPublication();
const ARTICLE = 1n;
const PRICE = parseEther("0.001");

async function publish(p: Publication, overrides: Record<string, unknown>) {
  const { authorA, authorB } = p.accounts;
  await p.editions.write.publish([articleParams([authorA.account.address, authorB.account.address], overrides)]);
  return p.editions.read.articleCount();
}

describe("ArticleEditions: collecting", () => {
  it("mints paid editions to the recipient and emits TransferSingle", async () => {
    const p = await loadPublication();
    const { alice } = p.accounts;
    const aliceEditions = (await p.as(alice)).editions;
    await p.viem.assertions.emitWithArgs(
      aliceEditions.write.collect([ARTICLE, 2n, alice.account.address, zeroAddress], { value: PRICE * 2n }),
      p.editions,
      "TransferSingle",
      [alice.account.address, zeroAddress, alice.account.address, ARTICLE, 2n],
    );
    assert.equal(await p.editions.read.balanceOf([alice.account.address, ARTICLE]), 2n);
    const [, sale] = await p.editions.read.article([ARTICLE]);
    assert.equal(sale.minted, 2);
  });

  it("collects as a gift for another wallet", async () => {
    const p = await loadPublication();
    const { alice, bob } = p.accounts;
    await (await p.as(alice)).editions.write.collect([ARTICLE, 1n, bob.account.address, zeroAddress], {
      value: PRICE,
    });
    assert.equal(await p.editions.read.balanceOf([bob.account.address, ARTICLE]), 1n);
    assert.equal(await p.editions.read.balanceOf([alice.account.address, ARTICLE]), 0n);
  });

  it("rejects unknown articles, zero quantity and wrong payment with their numbers", async () => {
    const p = await loadPublication();
    const alice = p.accounts.alice.account.address;
    await p.viem.assertions.revertWithCustomErrorWithArgs(
      p.editions.write.collect([7n, 1n, alice, zeroAddress], { value: PRICE }),
      p.editions,
      "ArticleEditionsUnknownArticle",
      [7n],
    );
    await p.viem.assertions.revertWithCustomErrorWithArgs(
      p.editions.write.collect([ARTICLE, 0n, alice, zeroAddress]),
      p.editions,
      "ArticleEditionsZeroQuantity",
      [ARTICLE],
    );
    await p.viem.assertions.revertWithCustomErrorWithArgs(
      p.editions.write.collect([ARTICLE, 3n, alice, zeroAddress], { value: PRICE * 2n }),
      p.editions,
      "ArticleEditionsWrongPayment",
      [ARTICLE, PRICE * 3n, PRICE * 2n],
    );
  });

  it("sells only inside the sale window", async () => {
    const p = await loadPublication();
    const alice = p.accounts.alice.account.address;
    const now = BigInt(await p.networkHelpers.time.latest());
    const start = now + 100n;
    const end = now + 200n;
    const id = await publish(p, { saleStart: Number(start), saleEnd: Number(end) });
    await p.networkHelpers.time.setNextBlockTimestamp(start - 1n);
    await p.viem.assertions.revertWithCustomErrorWithArgs(
      p.editions.write.collect([id, 1n, alice, zeroAddress], { value: PRICE }),
      p.editions,
      "ArticleEditionsSaleClosed",
      [id, Number(start), Number(end), start - 1n],
    );
    await p.networkHelpers.time.setNextBlockTimestamp(start);
    await p.editions.write.collect([id, 1n, alice, zeroAddress], { value: PRICE });
    await p.networkHelpers.time.setNextBlockTimestamp(end);
    await p.viem.assertions.revertWithCustomErrorWithArgs(
      p.editions.write.collect([id, 1n, alice, zeroAddress], { value: PRICE }),
      p.editions,
      "ArticleEditionsSaleClosed",
      [id, Number(start), Number(end), end],
    );
  });

  it("never sells past the max supply, saying how many are left", async () => {
    const p = await loadPublication();
    const { alice, bob } = p.accounts;
    const id = await publish(p, { maxSupply: 3, walletCap: 0 });
    await p.editions.write.collect([id, 2n, alice.account.address, zeroAddress], { value: PRICE * 2n });
    await p.viem.assertions.revertWithCustomErrorWithArgs(
      p.editions.write.collect([id, 2n, bob.account.address, zeroAddress], { value: PRICE * 2n }),
      p.editions,
      "ArticleEditionsSoldOut",
      [id, 1n, 2n],
    );
    await p.editions.write.collect([id, 1n, bob.account.address, zeroAddress], { value: PRICE });
    await p.viem.assertions.revertWithCustomErrorWithArgs(
      p.editions.write.collect([id, 1n, bob.account.address, zeroAddress], { value: PRICE }),
      p.editions,
      "ArticleEditionsSoldOut",
      [id, 0n, 1n],
    );
  });

  it("caps what a wallet holds when it collects", async () => {
    const p = await loadPublication();
    const { alice, bob } = p.accounts;
    const aliceEditions = (await p.as(alice)).editions;
    await aliceEditions.write.collect([ARTICLE, 4n, alice.account.address, zeroAddress], { value: PRICE * 4n });
    await p.viem.assertions.revertWithCustomErrorWithArgs(
      aliceEditions.write.collect([ARTICLE, 2n, alice.account.address, zeroAddress], { value: PRICE * 2n }),
      p.editions,
      "ArticleEditionsWalletCapExceeded",
      [ARTICLE, alice.account.address, 4n, 2n, 5],
    );
    // The cap is on holding (documented in the contract): moving editions away frees room.
    await aliceEditions.write.safeTransferFrom([alice.account.address, bob.account.address, ARTICLE, 2n, "0x"]);
    await aliceEditions.write.collect([ARTICLE, 2n, alice.account.address, zeroAddress], { value: PRICE * 2n });
    assert.equal(await p.editions.read.balanceOf([alice.account.address, ARTICLE]), 4n);
  });

  it("sells an open edition without a supply limit, at most 100 per call", async () => {
    const p = await loadPublication();
    const { alice } = p.accounts;
    const id = await publish(p, { maxSupply: 0, walletCap: 0 });
    for (let call = 0; call < 3; call++) {
      await p.editions.write.collect([id, 100n, alice.account.address, zeroAddress], { value: PRICE * 100n });
    }
    assert.equal(await p.editions.read.balanceOf([alice.account.address, id]), 300n);
    assert.equal(await p.editions.read.MAX_PER_COLLECT(), 100n);
  });

  it("cannot be minted out in one call: a free open edition stays open to everyone else", async () => {
    const p = await loadPublication();
    const { alice, bob } = p.accounts;
    const id = await publish(p, { price: 0n, maxSupply: 0, walletCap: 0, premiumLevel: 255 });
    for (const quantity of [101n, 2n ** 32n - 1n]) {
      await p.viem.assertions.revertWithCustomErrorWithArgs(
        (await p.as(alice)).editions.write.collect([id, quantity, alice.account.address, zeroAddress]),
        p.editions,
        "ArticleEditionsQuantityTooLarge",
        [id, quantity, 100n],
      );
    }
    await (await p.as(bob)).editions.write.collect([id, 1n, bob.account.address, zeroAddress]);
    assert.equal(await p.editions.read.canRead([bob.account.address, id]), true);
    const [, sale] = await p.editions.read.article([id]);
    assert.equal(sale.minted, 1);
  });

  it("refuses contracts that do not accept ERC-1155 tokens", async () => {
    const p = await loadPublication();
    await p.viem.assertions.revertWithCustomErrorWithArgs(
      p.editions.write.collect([ARTICLE, 1n, p.pass.address, zeroAddress], { value: PRICE }),
      p.editions,
      "ERC1155InvalidReceiver",
      [p.pass.address],
    );
  });
});

describe("ArticleEditions: the reading gate", () => {
  it("opens the premium part with an edition, a pass of the level, or for free articles", async () => {
    const p = await loadPublication();
    const { alice, bob, carol } = p.accounts;
    assert.equal(await p.editions.read.canRead([alice.account.address, ARTICLE]), false);
    await p.editions.write.collect([ARTICLE, 1n, alice.account.address, zeroAddress], { value: PRICE });
    assert.equal(await p.editions.read.canRead([alice.account.address, ARTICLE]), true);

    await p.pass.write.purchase([1n, bob.account.address, zeroAddress], { value: parseEther("0.01") });
    assert.equal(await p.editions.read.canRead([bob.account.address, ARTICLE]), true);

    const free = await publish(p, { premiumLevel: 0 });
    assert.equal(await p.editions.read.canRead([carol.account.address, free]), true);
  });

  it("locks a reader out once the edition is sold or the pass expires", async () => {
    const p = await loadPublication();
    const { alice, bob } = p.accounts;
    await p.editions.write.collect([ARTICLE, 1n, alice.account.address, zeroAddress], { value: PRICE });
    await (await p.as(alice)).editions.write.safeTransferFrom([alice.account.address, bob.account.address, ARTICLE, 1n, "0x"]);
    assert.equal(await p.editions.read.canRead([alice.account.address, ARTICLE]), false);
    assert.equal(await p.editions.read.canRead([bob.account.address, ARTICLE]), true);

    await p.pass.write.purchase([1n, alice.account.address, zeroAddress], { value: parseEther("0.01") });
    await p.networkHelpers.time.increase(31 * 86_400);
    assert.equal(await p.editions.read.canRead([alice.account.address, ARTICLE]), false);
  });

  it("needs a pass of at least the article's level, and an edition for edition-only articles", async () => {
    const p = await loadPublication();
    const { alice } = p.accounts;
    const levelTwo = await publish(p, { premiumLevel: 2 });
    const editionOnly = await publish(p, { premiumLevel: 255 });
    await p.pass.write.purchase([1n, alice.account.address, zeroAddress], { value: parseEther("0.01") });
    assert.equal(await p.editions.read.canRead([alice.account.address, levelTwo]), false, "level 1 < 2");
    await p.pass.write.purchase([3n, alice.account.address, zeroAddress], { value: parseEther("0.2") });
    assert.equal(await p.editions.read.canRead([alice.account.address, levelTwo]), true);
    assert.equal(await p.editions.read.canRead([alice.account.address, editionOnly]), false);
    await p.editions.write.collect([editionOnly, 1n, alice.account.address, zeroAddress], { value: PRICE });
    assert.equal(await p.editions.read.canRead([alice.account.address, editionOnly]), true);
  });

  it("reverts for an unknown article rather than guessing", async () => {
    const p = await loadPublication();
    await p.viem.assertions.revertWithCustomErrorWithArgs(
      p.editions.read.canRead([p.accounts.alice.account.address, 0n]),
      p.editions,
      "ArticleEditionsUnknownArticle",
      [0n],
    );
  });
});
