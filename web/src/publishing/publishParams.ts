import type { Address } from "viem";
import { EDITION_HOLDERS_ONLY } from "../generated/contracts.ts";
import type { ArticleSource } from "../content/loadArticleSource.ts";

const seconds = (date?: Date) => (date ? Math.floor(date.getTime() / 1000) : 0);

/** Authors with wallets and shares: the frontmatter's, or the publisher taking all but the treasury's share. */
export function resolveAuthors(source: ArticleSource, publisher: Address) {
  const { authors, edition, publication } = source.frontmatter;
  return authors ?? [{ name: publication, address: publisher, share_bps: 10_000 - edition.treasury_bps }];
}

/** The `publish` call's parameters for a packaged article. */
export function publishParams(source: ArticleSource, metadataCid: string, publisher: Address, royaltyReceiver: Address) {
  const { edition, premium } = source.frontmatter;
  return {
    uri: `ipfs://${metadataCid}`,
    price: edition.price_wei,
    maxSupply: edition.max_supply,
    saleStart: seconds(edition.sale_start),
    saleEnd: seconds(edition.sale_end),
    walletCap: edition.wallet_cap,
    premiumLevel: !premium ? 0 : premium.tier === "edition" ? EDITION_HOLDERS_ONLY : premium.tier,
    royaltyReceiver,
    royaltyBps: BigInt(edition.royalty_bps),
    authors: resolveAuthors(source, publisher).map((author) => ({
      account: author.address as Address,
      shareBps: author.share_bps,
    })),
    treasuryBps: edition.treasury_bps,
    referralBps: edition.referral_bps,
  };
}
