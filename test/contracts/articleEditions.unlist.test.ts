import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { getAddress, parseEventLogs } from "viem";
import { articleParams, connectPublication } from "../helpers/publicationFixture.ts";

const loadPublication = await connectPublication();
const ARTICLE = 1n;
const REASON = "A court order: the second paragraph names a minor";

describe("ArticleEditions: unlisting", () => {
  it("lets only publishers unlist", async () => {
    const p = await loadPublication();
    const { alice } = p.accounts;
    await p.viem.assertions.revertWithCustomErrorWithArgs(
      (await p.as(alice)).editions.write.unlist([ARTICLE, REASON]),
      p.editions,
      "AccessControlUnauthorizedAccount",
      [getAddress(alice.account.address), await p.editions.read.PUBLISHER_ROLE()],
    );
    assert.equal(await p.editions.read.isUnlisted([ARTICLE]), false);
  });

  it("announces the reason, closes the sale and refuses collects after it", async () => {
    const p = await loadPublication();
    const alice = p.accounts.alice.account.address;
    const price = (await p.editions.read.article([ARTICLE]))[1].price;
    const unlist = p.editions.write.unlist([ARTICLE, REASON]);
    await p.viem.assertions.emitWithArgs(unlist, p.editions, "ArticleUnlisted", [ARTICLE, REASON]);
    const closedAt = await p.networkHelpers.time.latest();
    assert.equal(await p.editions.read.isUnlisted([ARTICLE]), true);
    assert.equal((await p.editions.read.article([ARTICLE]))[1].saleEnd, closedAt, "the sale ends at the unlisting");
    await p.viem.assertions.revertWithCustomErrorWithArgs(
      p.editions.write.collect([ARTICLE, 1n, alice, alice], { value: price }),
      p.editions,
      "ArticleEditionsSaleClosed",
      [ARTICLE, 0, closedAt, BigInt(closedAt) + 1n],
    );
  });

  it("emits SaleClosed with it only when the sale was still open", async () => {
    const p = await loadPublication();
    await p.viem.assertions.emit(p.editions.write.unlist([ARTICLE, REASON]), p.editions, "SaleClosed");
    const { authorA, authorB } = p.accounts;
    await p.publicClient.waitForTransactionReceipt({
      hash: await p.editions.write.publish([articleParams([authorA.account.address, authorB.account.address])]),
    });
    await p.editions.write.closeSale([2n]);
    const receipt = await p.publicClient.waitForTransactionReceipt({ hash: await p.editions.write.unlist([2n, REASON]) });
    const events = parseEventLogs({ abi: p.editions.abi, logs: receipt.logs }).map((event) => event.eventName);
    assert.deepEqual(events, ["ArticleUnlisted"], "a sale already closed is not closed again");
    assert.equal(await p.editions.read.isUnlisted([2n]), true, "a closed sale can still be unlisted");
  });

  it("leaves holders their editions and their reading rights", async () => {
    const p = await loadPublication();
    const { alice, bob } = p.accounts;
    const price = (await p.editions.read.article([ARTICLE]))[1].price;
    await p.editions.write.collect([ARTICLE, 1n, alice.account.address, bob.account.address], { value: price });
    await p.editions.write.unlist([ARTICLE, REASON]);
    assert.equal(await p.editions.read.balanceOf([alice.account.address, ARTICLE]), 1n);
    assert.equal(await p.editions.read.canRead([alice.account.address, ARTICLE]), true, "the holder still reads the premium part");
    assert.equal(await p.editions.read.canRead([bob.account.address, ARTICLE]), false);
    // Editions still move, and what the sale took in is still owed.
    await (await p.as(alice)).editions.write.safeTransferFrom([alice.account.address, bob.account.address, ARTICLE, 1n, "0x"]);
    assert.equal(await p.editions.read.canRead([bob.account.address, ARTICLE]), true);
    assert.ok((await p.editions.read.owed([p.accounts.authorA.account.address, [ARTICLE]])) > 0n);
  });

  it("refuses a second unlisting, an unknown article, and a missing or overlong reason", async () => {
    const p = await loadPublication();
    const max = await p.editions.read.MAX_UNLIST_REASON_BYTES();
    await p.viem.assertions.revertWithCustomErrorWithArgs(
      p.editions.write.unlist([ARTICLE, ""]),
      p.editions,
      "ArticleEditionsInvalidReason",
      [0n, max],
    );
    // Bytes, not characters: a Korean reason of 167 syllables is 501 bytes.
    await p.viem.assertions.revertWithCustomErrorWithArgs(
      p.editions.write.unlist([ARTICLE, "가".repeat(167)]),
      p.editions,
      "ArticleEditionsInvalidReason",
      [501n, max],
    );
    await p.viem.assertions.revertWithCustomErrorWithArgs(
      p.editions.write.unlist([99n, REASON]),
      p.editions,
      "ArticleEditionsUnknownArticle",
      [99n],
    );
    assert.equal(await p.editions.read.isUnlisted([ARTICLE]), false, "nothing was unlisted");
    await p.editions.write.unlist([ARTICLE, "x".repeat(Number(max))]);
    await p.viem.assertions.revertWithCustomErrorWithArgs(
      p.editions.write.unlist([ARTICLE, REASON]),
      p.editions,
      "ArticleEditionsAlreadyUnlisted",
      [ARTICLE],
    );
  });
});
