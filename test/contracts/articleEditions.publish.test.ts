import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { getAddress, parseEventLogs } from "viem";
import { articleParams, connectPublication } from "../helpers/publicationFixture.ts";

const loadPublication = await connectPublication();
const ARTICLE = 1n;

describe("ArticleEditions: publishing", () => {
  it("publishes an article with everything an indexer needs in one event", async () => {
    const p = await loadPublication();
    const { authorA, authorB, admin } = p.accounts;
    const params = articleParams([authorA.account.address, authorB.account.address], { uri: "ipfs://QmNew" });
    const hash = await p.editions.write.publish([params]);
    const receipt = await p.publicClient.waitForTransactionReceipt({ hash });
    // Marketplaces and indexers learn every article's metadata from its first block (ERC-1155 URI).
    const [uriLog] = parseEventLogs({ abi: p.editions.abi, logs: receipt.logs, eventName: "URI" });
    assert.deepEqual([uriLog.args.value, uriLog.args.id], ["ipfs://QmNew", 2n]);
    const [log] = parseEventLogs({ abi: p.editions.abi, logs: receipt.logs, eventName: "ArticlePublished" });
    assert.equal(log.args.articleId, 2n);
    assert.equal(log.args.publisher, getAddress(admin.account.address));
    assert.equal(log.args.params.uri, "ipfs://QmNew");
    assert.equal(log.args.params.price, params.price);
    assert.deepEqual(
      log.args.params.authors.map((a) => [a.account, a.shareBps]),
      params.authors.map((a) => [getAddress(a.account), a.shareBps]),
    );

    const [uri, sale, terms, authors] = await p.editions.read.article([2n]);
    assert.equal(uri, "ipfs://QmNew");
    assert.equal(await p.editions.read.uri([2n]), "ipfs://QmNew");
    assert.equal(sale.saleEnd, 2 ** 40 - 1, "no end is stored as the far future");
    assert.equal(terms.premiumLevel, 1);
    assert.equal(authors.length, 2);
    assert.deepEqual(await p.editions.read.authorsOf([2n]), authors, "the authors alone, as article() lists them");
    await p.viem.assertions.revertWithCustomErrorWithArgs(p.editions.read.authorsOf([3n]), p.editions, "ArticleEditionsUnknownArticle", [
      3n,
    ]);
    const [receiver, royalty] = await p.editions.read.royaltyInfo([2n, 10_000n]);
    assert.equal(receiver, getAddress(authorA.account.address));
    assert.equal(royalty, 500n);
  });

  it("rejects bad publish parameters, naming what is wrong", async () => {
    const p = await loadPublication();
    const a = p.accounts.authorA.account.address;
    const b = p.accounts.authorB.account.address;
    const cases: Array<[Record<string, unknown>, string, readonly unknown[]]> = [
      [{ uri: "" }, "ArticleEditionsEmptyURI", []],
      [{ saleStart: 200, saleEnd: 100 }, "ArticleEditionsInvalidSaleWindow", [200, 100]],
      [{ referralBps: 2_001 }, "ArticleEditionsInvalidReferralBps", [2_001]],
      [{ treasuryBps: 999 }, "ArticleEditionsInvalidShares", [9_999n]],
      [
        {
          authors: [
            { account: a, shareBps: 4_500 },
            { account: a, shareBps: 4_500 },
          ],
        },
        "ArticleEditionsInvalidAuthor",
        [getAddress(a)],
      ],
      [
        { authors: Array.from({ length: 9 }, () => ({ account: b, shareBps: 1_000 })), treasuryBps: 1_000 },
        "ArticleEditionsTooManyAuthors",
        [9n, 8n],
      ],
    ];
    for (const [overrides, error, args] of cases) {
      await p.viem.assertions.revertWithCustomErrorWithArgs(
        p.editions.write.publish([articleParams([a, b], overrides)]),
        p.editions,
        error as "ArticleEditionsEmptyURI",
        args as [],
      );
    }
    assert.equal(await p.editions.read.articleCount(), 1n, "nothing was published");
  });

  it("lets only publishers publish, revise and change sales", async () => {
    const p = await loadPublication();
    const { alice, authorA, authorB } = p.accounts;
    const aliceEditions = (await p.as(alice)).editions;
    const role = await p.editions.read.PUBLISHER_ROLE();
    for (const call of [
      aliceEditions.write.publish([articleParams([authorA.account.address, authorB.account.address])]),
      aliceEditions.write.revise([ARTICLE, "ipfs://x"]),
      aliceEditions.write.reduceMaxSupply([ARTICLE, 10]),
      aliceEditions.write.closeSale([ARTICLE]),
    ]) {
      await p.viem.assertions.revertWithCustomErrorWithArgs(call, p.editions, "AccessControlUnauthorizedAccount", [
        alice.account.address,
        role,
      ]);
    }
  });
});

describe("ArticleEditions: revising", () => {
  it("announces new metadata with the ERC-1155 URI and ERC-4906 MetadataUpdate events", async () => {
    const p = await loadPublication();
    const revise = p.editions.write.revise([ARTICLE, "ipfs://QmRevised"]);
    await p.viem.assertions.emitWithArgs(revise, p.editions, "URI", ["ipfs://QmRevised", ARTICLE]);
    await p.viem.assertions.emitWithArgs(p.editions.write.revise([ARTICLE, "ipfs://QmRevised2"]), p.editions, "MetadataUpdate", [ARTICLE]);
    assert.equal(await p.editions.read.uri([ARTICLE]), "ipfs://QmRevised2");
    await p.viem.assertions.revertWithCustomError(p.editions.write.revise([ARTICLE, ""]), p.editions, "ArticleEditionsEmptyURI");
  });

  it("only ever lowers the max supply, never below what was minted", async () => {
    const p = await loadPublication();
    const alice = p.accounts.alice.account.address;
    const price = (await p.editions.read.article([ARTICLE]))[1].price;
    await p.editions.write.collect([ARTICLE, 3n, alice, alice], { value: price * 3n });
    await p.viem.assertions.revertWithCustomErrorWithArgs(
      p.editions.write.reduceMaxSupply([ARTICLE, 200]),
      p.editions,
      "ArticleEditionsInvalidMaxSupply",
      [ARTICLE, 200, 100, 3],
    );
    await p.viem.assertions.revertWithCustomErrorWithArgs(
      p.editions.write.reduceMaxSupply([ARTICLE, 2]),
      p.editions,
      "ArticleEditionsInvalidMaxSupply",
      [ARTICLE, 2, 100, 3],
    );
    await p.viem.assertions.emitWithArgs(p.editions.write.reduceMaxSupply([ARTICLE, 3]), p.editions, "MaxSupplyReduced", [ARTICLE, 3]);
    await p.viem.assertions.revertWithCustomErrorWithArgs(
      p.editions.write.collect([ARTICLE, 1n, alice, alice], { value: price }),
      p.editions,
      "ArticleEditionsSoldOut",
      [ARTICLE, 0n, 1n],
    );
  });

  it("closes a sale early, once", async () => {
    const p = await loadPublication();
    const alice = p.accounts.alice.account.address;
    await p.editions.write.closeSale([ARTICLE]);
    const closedAt = await p.networkHelpers.time.latest();
    const price = (await p.editions.read.article([ARTICLE]))[1].price;
    await p.viem.assertions.revertWithCustomErrorWithArgs(
      p.editions.write.collect([ARTICLE, 1n, alice, alice], { value: price }),
      p.editions,
      "ArticleEditionsSaleClosed",
      [ARTICLE, 0, closedAt, BigInt(closedAt) + 1n],
    );
    await p.viem.assertions.revertWithCustomError(p.editions.write.closeSale([ARTICLE]), p.editions, "ArticleEditionsSaleClosed");
  });
});

describe("ArticleEditions: standards", () => {
  it("announces ERC-1155, ERC-2981 and ERC-4906 and serves the collection metadata", async () => {
    const p = await loadPublication();
    for (const id of ["0xd9b67a26", "0x0e89341c", "0x2a55205a", "0x49064906"] as const) {
      assert.equal(await p.editions.read.supportsInterface([id]), true, id);
    }
    assert.equal(await p.editions.read.contractURI(), "ipfs://editions-collection");
    await p.viem.assertions.emit(p.editions.write.setContractURI(["ipfs://c2"]), p.editions, "ContractURIUpdated");
    assert.equal(await p.editions.read.contractURI(), "ipfs://c2");
  });

  it("lets the admin, and only the admin, move an article's royalty, announcing it", async () => {
    const p = await loadPublication();
    const { alice, carol } = p.accounts;
    await p.viem.assertions.revertWithCustomErrorWithArgs(
      (await p.as(alice)).editions.write.setArticleRoyalty([ARTICLE, alice.account.address, 1_000n]),
      p.editions,
      "AccessControlUnauthorizedAccount",
      [getAddress(alice.account.address), await p.editions.read.DEFAULT_ADMIN_ROLE()],
    );
    await p.viem.assertions.emitWithArgs(
      p.editions.write.setArticleRoyalty([ARTICLE, carol.account.address, 250n]),
      p.editions,
      "ArticleRoyaltyUpdated",
      [ARTICLE, getAddress(carol.account.address), 250n],
    );
    assert.deepEqual(await p.editions.read.royaltyInfo([ARTICLE, 10_000n]), [getAddress(carol.account.address), 250n]);
    await p.editions.write.setArticleRoyalty([ARTICLE, carol.account.address, 0n]);
    assert.deepEqual(await p.editions.read.royaltyInfo([ARTICLE, 10_000n]), ["0x0000000000000000000000000000000000000000", 0n]);
  });
});
