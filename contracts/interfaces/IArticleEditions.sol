// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {IERC7572} from "./IERC7572.sol";

/// @title TopNFTpost article editions
/// @notice One ERC-1155 token id per article: collectors mint editions, which also unlock the
/// article's premium part. `canRead` is the single gate the web server asks.
/// @dev Revenue is pulled: payees and referrers call `withdraw`. Rounding never creates or loses
/// wei: each edition's net price is split per author by floor, and the treasury receives the
/// remainder (its share plus every rounding remainder). ETH that reaches the contract other than
/// through `collect` can only ever go to the treasury, through `sweepSurplus`.
interface IArticleEditions is IERC7572 {
    /// @notice An author and their share, in basis points of each edition's net price.
    struct Payee {
        address account;
        uint16 shareBps;
    }

    /// @notice Everything `publish` needs. Author shares plus `treasuryBps` must be 10,000.
    /// @param uri `ipfs://<cid>` of the article's metadata JSON.
    /// @param price Wei per edition (at most 2^80 - 1, about 1.2 million ETH).
    /// @param maxSupply Editions ever mintable; 0 for an open edition.
    /// @param saleStart First second of the sale; 0 for now.
    /// @param saleEnd First second after the sale; 0 for no end.
    /// @param walletCap Most editions a wallet may hold when collecting; 0 for no cap.
    /// @param premiumLevel Pass level that unlocks the premium part: 0 when the article has no
    /// premium part, 255 when only an edition unlocks it.
    /// @param royaltyReceiver ERC-2981 receiver of the article's royalty (the admin may change it).
    /// @param referralBps Share of each referred edition's price earned by the referrer: at most
    /// 20%, and a discount in practice, since a buyer may name their own second wallet.
    struct PublishParams {
        string uri;
        uint80 price;
        uint32 maxSupply;
        uint40 saleStart;
        uint40 saleEnd;
        uint16 walletCap;
        uint8 premiumLevel;
        address royaltyReceiver;
        uint96 royaltyBps;
        Payee[] authors;
        uint16 treasuryBps;
        uint16 referralBps;
    }

    /// @notice An article's sale state as stored (`saleEnd` of `type(uint40).max` means no end).
    struct Sale {
        uint80 price;
        uint32 maxSupply;
        uint48 minted;
        uint40 saleStart;
        uint40 saleEnd;
        uint16 walletCap;
    }

    /// @notice An article's payout terms and reading rule.
    struct Terms {
        uint8 premiumLevel;
        uint16 referralBps;
        uint16 treasuryBps;
        uint48 referred;
    }

    /// @notice `articleId` was never published.
    error ArticleEditionsUnknownArticle(uint256 articleId);
    /// @notice `collect` of no editions.
    error ArticleEditionsZeroQuantity(uint256 articleId);
    /// @notice `collect` of more than {MAX_PER_COLLECT} editions in one call.
    error ArticleEditionsQuantityTooLarge(uint256 articleId, uint256 quantity, uint256 maxPerCall);
    /// @notice The value sent is not exactly `quantity` times the price.
    error ArticleEditionsWrongPayment(uint256 articleId, uint256 expected, uint256 sent);
    /// @notice `collect` outside the sale window, or `closeSale` of a closed sale.
    error ArticleEditionsSaleClosed(uint256 articleId, uint40 saleStart, uint40 saleEnd, uint256 timestamp);
    /// @notice `collect` of more editions than remain.
    error ArticleEditionsSoldOut(uint256 articleId, uint256 remaining, uint256 requested);
    /// @notice `collect` would leave `recipient` holding more than the article's wallet cap.
    error ArticleEditionsWalletCapExceeded(
        uint256 articleId,
        address recipient,
        uint256 held,
        uint256 requested,
        uint16 walletCap
    );
    /// @notice `publish` or `revise` without a metadata URI.
    error ArticleEditionsEmptyURI();
    /// @notice A sale that ends before it starts.
    error ArticleEditionsInvalidSaleWindow(uint40 saleStart, uint40 saleEnd);
    /// @notice Author shares plus the treasury share are not exactly 10,000 basis points.
    error ArticleEditionsInvalidShares(uint256 totalBps);
    /// @notice An author is the zero address or listed twice.
    error ArticleEditionsInvalidAuthor(address account);
    /// @notice More than {MAX_AUTHORS} authors.
    error ArticleEditionsTooManyAuthors(uint256 count, uint256 maxAuthors);
    /// @notice A referral share above {MAX_REFERRAL_BPS}.
    error ArticleEditionsInvalidReferralBps(uint16 bps);
    /// @notice `reduceMaxSupply` that does not lower the cap, or lowers it below what was minted.
    error ArticleEditionsInvalidMaxSupply(uint256 articleId, uint32 requested, uint32 current, uint48 minted);
    /// @notice The zero address as treasury.
    error ArticleEditionsInvalidTreasury(address treasury);
    /// @notice `withdraw` for an account that is owed nothing by the listed articles.
    error ArticleEditionsNothingOwed(address account);
    /// @notice The payout's ETH transfer to `account` failed (a contract that refuses ETH).
    error ArticleEditionsPayoutFailed(address account, uint256 amount);
    /// @notice `sweepSurplus` when the balance holds nothing beyond what is owed.
    error ArticleEditionsNoSurplus();
    /// @notice `unlist` of an article already unlisted.
    error ArticleEditionsAlreadyUnlisted(uint256 articleId);
    /// @notice `unlist` without a reason, or with one longer than {MAX_UNLIST_REASON_BYTES}.
    error ArticleEditionsInvalidReason(uint256 length, uint256 maxLength);

    /// @notice A new article; ERC-1155 `URI` is emitted beside it with its metadata URI.
    event ArticlePublished(uint256 indexed articleId, address indexed publisher, PublishParams params);
    /// @notice The article points at new metadata (also `URI` and ERC-4906 `MetadataUpdate`).
    event ArticleRevised(uint256 indexed articleId, string uri);
    /// @notice The article's supply cap was lowered.
    event MaxSupplyReduced(uint256 indexed articleId, uint32 maxSupply);
    /// @notice The article's sale was ended early at `closedAt`.
    event SaleClosed(uint256 indexed articleId, uint40 closedAt);
    /// @notice The article left the publication's pages for `reason`; its sale is closed (with
    /// {SaleClosed} when it was still open). Its editions and their reading rights stay.
    event ArticleUnlisted(uint256 indexed articleId, string reason);
    /// @notice The admin changed the article's ERC-2981 royalty.
    event ArticleRoyaltyUpdated(uint256 indexed articleId, address receiver, uint96 bps);
    /// @notice `referrer` earned `amount` for referring `quantity` editions.
    event ReferralCredited(address indexed referrer, uint256 indexed articleId, uint256 quantity, uint256 amount);
    /// @notice The treasury changed; it takes over the unwithdrawn treasury share.
    event TreasuryUpdated(address treasury);
    /// @notice `account` was paid `amount`.
    event Withdrawn(address indexed account, uint256 amount);
    /// @notice ETH beyond everything owed went to the treasury.
    event SurplusSwept(address indexed treasury, uint256 amount);

    /// @notice Publishes an article as a new token id.
    /// @dev Requirements: the publisher role; a URI; a sale window that ends after it starts; at
    /// most {MAX_AUTHORS} distinct non-zero authors whose shares plus `treasuryBps` are 10,000; a
    /// referral share of at most {MAX_REFERRAL_BPS}. Emits {ArticlePublished} and `URI`.
    function publish(PublishParams calldata params) external returns (uint256 articleId);

    /// @notice Mints `quantity` editions to `recipient`, paying exactly `quantity * price`.
    /// @dev Requirements: the article exists, its sale is open, 1 to {MAX_PER_COLLECT} editions,
    /// no more than remain, the recipient stays within the wallet cap. `referrer` (0 for none; the
    /// caller and the recipient cannot refer themselves) earns the article's referral share of
    /// each edition's price. Emits ERC-1155 `TransferSingle`, and {ReferralCredited} when paid.
    function collect(uint256 articleId, uint256 quantity, address recipient, address referrer) external payable;

    /// @notice Points the article at new metadata; old CIDs stay valid on IPFS.
    /// @dev Requirements: the publisher role; the article exists; a non-empty URI, else
    /// {ArticleEditionsEmptyURI}. Emits {ArticleRevised}, `URI` and `MetadataUpdate`.
    function revise(uint256 articleId, string calldata uri) external;

    /// @notice Lowers the article's max supply (never below what was minted; an open edition may get one).
    /// @dev Requirements: the publisher role; the article exists; a non-zero cap below the current
    /// one and not below what was minted, else {ArticleEditionsInvalidMaxSupply}. Emits {MaxSupplyReduced}.
    function reduceMaxSupply(uint256 articleId, uint32 maxSupply) external;

    /// @notice Ends the article's sale now.
    /// @dev Requirements: the publisher role; the sale has not ended. Emits {SaleClosed}.
    function closeSale(uint256 articleId) external;

    /// @notice Takes the article off the publication's pages (a correction gone wrong, a legal
    /// request) and closes its sale for good. What was uploaded to IPFS stays there; editions
    /// already collected stay with their holders and still unlock the premium part (`canRead`
    /// does not change). Final: there is no relisting.
    /// @dev Requirements: the publisher role; the article exists and is not unlisted, else
    /// {ArticleEditionsAlreadyUnlisted}; a reason of 1 to {MAX_UNLIST_REASON_BYTES} bytes, else
    /// {ArticleEditionsInvalidReason}. Emits {SaleClosed} when the sale had not ended, then
    /// {ArticleUnlisted}.
    function unlist(uint256 articleId, string calldata reason) external;

    /// @notice Whether `unlist` took the article off the pages. Reverts for unknown articles.
    function isUnlisted(uint256 articleId) external view returns (bool);

    /// @notice Changes the article's ERC-2981 royalty (bps 0 removes it).
    /// @dev Requirements: the admin role; the article exists; for a non-zero `bps`, at most 10,000
    /// basis points and a non-zero `receiver` (else OZ's `ERC2981InvalidTokenRoyalty` or
    /// `ERC2981InvalidTokenRoyaltyReceiver`). Emits {ArticleRoyaltyUpdated}.
    function setArticleRoyalty(uint256 articleId, address receiver, uint96 bps) external;

    /// @notice True when the article has no premium part, or `reader` holds an edition of it, or a
    /// pass of at least its premium level. Reverts for unknown articles.
    function canRead(address reader, uint256 articleId) external view returns (bool);

    /// @notice Everything stored about an article.
    function article(
        uint256 articleId
    ) external view returns (string memory uri, Sale memory sale, Terms memory terms, Payee[] memory authors);

    /// @notice The article's authors and their shares, which never change after publishing.
    /// Reverts for unknown articles. Cheaper than {article} for callers that need only these.
    function authorsOf(uint256 articleId) external view returns (Payee[] memory);

    /// @notice Number of articles published (ids run from 1 to this).
    function articleCount() external view returns (uint256);

    /// @notice Wei `account` could withdraw now from its credit and from the listed articles. Each
    /// article counts once, however often it is listed, exactly as `withdraw` pays.
    function owed(address account, uint256[] calldata articleIds) external view returns (uint256);

    /// @notice Settles `account`'s share of the listed articles and sends it everything it is owed.
    /// Anyone may trigger it; funds only ever go to `account`.
    /// @dev Requirements: something is owed. Emits {Withdrawn}.
    function withdraw(address account, uint256[] calldata articleIds) external returns (uint256 amount);

    /// @notice Wei held beyond everything owed to payees and referrers (ETH forced into the contract).
    /// @dev Reads every article's payees: meant for rare use (see the README for its gas).
    function surplus() external view returns (uint256);

    /// @notice Sends the {surplus} to the treasury. Anyone may trigger it.
    /// @dev Requirements: a surplus. Emits {SurplusSwept}.
    function sweepSurplus() external returns (uint256 amount);

    /// @notice Address receiving the treasury share and all rounding remainders.
    function treasury() external view returns (address);
}
