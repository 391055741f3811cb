// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {IERC7572} from "./IERC7572.sol";

/// @title TopNFTpost article editions
/// @notice One ERC-1155 token id per article: collectors mint editions, which also unlock the
/// article's premium part. `canRead` is the single gate the web server asks.
/// @dev Revenue is pulled: payees and referrers call `withdraw`. Rounding never creates or loses
/// wei: each edition's net price is split per author by floor, and the treasury receives the
/// remainder (its share plus every rounding remainder).
interface IArticleEditions is IERC7572 {
    /// @notice An author and their share, in basis points of each edition's net price.
    struct Payee {
        address account;
        uint16 shareBps;
    }

    /// @notice Everything `publish` needs. Author shares plus `treasuryBps` must be 10,000.
    /// @param uri `ipfs://<cid>` of the article's metadata JSON.
    /// @param maxSupply Editions ever mintable; 0 for an open edition.
    /// @param saleStart First second of the sale; 0 for now.
    /// @param saleEnd First second after the sale; 0 for no end.
    /// @param walletCap Most editions a wallet may hold when collecting; 0 for no cap.
    /// @param premiumLevel Pass level that unlocks the premium part: 0 when the article has no
    /// premium part, 255 when only an edition unlocks it.
    /// @param referralBps Share of each referred edition's price earned by the referrer.
    struct PublishParams {
        string uri;
        uint96 price;
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
        uint96 price;
        uint32 maxSupply;
        uint32 minted;
        uint40 saleStart;
        uint40 saleEnd;
        uint16 walletCap;
    }

    /// @notice An article's payout terms and reading rule.
    struct Terms {
        uint8 premiumLevel;
        uint16 referralBps;
        uint16 treasuryBps;
        uint32 referred;
    }

    error ArticleEditionsUnknownArticle(uint256 articleId);
    error ArticleEditionsZeroQuantity(uint256 articleId);
    error ArticleEditionsWrongPayment(uint256 articleId, uint256 expected, uint256 sent);
    error ArticleEditionsSaleClosed(uint256 articleId, uint40 saleStart, uint40 saleEnd, uint256 timestamp);
    error ArticleEditionsSoldOut(uint256 articleId, uint256 remaining, uint256 requested);
    error ArticleEditionsWalletCapExceeded(
        uint256 articleId, address recipient, uint256 held, uint256 requested, uint16 walletCap
    );
    error ArticleEditionsEmptyURI();
    error ArticleEditionsInvalidSaleWindow(uint40 saleStart, uint40 saleEnd);
    error ArticleEditionsInvalidShares(uint256 totalBps);
    error ArticleEditionsInvalidAuthor(address account);
    error ArticleEditionsTooManyAuthors(uint256 count, uint256 maxAuthors);
    error ArticleEditionsInvalidReferralBps(uint16 bps);
    error ArticleEditionsInvalidMaxSupply(uint256 articleId, uint32 requested, uint32 current, uint32 minted);
    error ArticleEditionsInvalidTreasury(address treasury);
    error ArticleEditionsNothingOwed(address account);
    error ArticleEditionsPayoutFailed(address account, uint256 amount);

    event ArticlePublished(uint256 indexed articleId, address indexed publisher, PublishParams params);
    event ArticleRevised(uint256 indexed articleId, string uri);
    event MaxSupplyReduced(uint256 indexed articleId, uint32 maxSupply);
    event SaleClosed(uint256 indexed articleId, uint40 closedAt);
    event ReferralCredited(address indexed referrer, uint256 indexed articleId, uint256 quantity, uint256 amount);
    event TreasuryUpdated(address treasury);
    event Withdrawn(address indexed account, uint256 amount);

    /// @notice Publishes an article as a new token id. Publisher role only.
    function publish(PublishParams calldata params) external returns (uint256 articleId);

    /// @notice Mints `quantity` editions to `recipient`, paying exactly `quantity * price`.
    /// @dev `referrer` (0 for none; the caller and the recipient cannot refer themselves) earns
    /// the article's referral share of each edition's price.
    function collect(uint256 articleId, uint256 quantity, address recipient, address referrer) external payable;

    /// @notice Points the article at new metadata (emits ERC-1155 `URI` and ERC-4906 `MetadataUpdate`).
    function revise(uint256 articleId, string calldata uri) external;

    /// @notice Lowers the article's max supply (never below what was minted; an open edition may get one).
    function reduceMaxSupply(uint256 articleId, uint32 maxSupply) external;

    /// @notice Ends the article's sale now.
    function closeSale(uint256 articleId) external;

    /// @notice True when the article has no premium part, or `reader` holds an edition of it, or a
    /// pass of at least its premium level. Reverts for unknown articles.
    function canRead(address reader, uint256 articleId) external view returns (bool);

    /// @notice Everything stored about an article.
    function article(uint256 articleId)
        external
        view
        returns (string memory uri, Sale memory sale, Terms memory terms, Payee[] memory authors);

    /// @notice Number of articles published (ids run from 1 to this).
    function articleCount() external view returns (uint256);

    /// @notice Wei `account` could withdraw now from its credit and from the listed articles.
    function owed(address account, uint256[] calldata articleIds) external view returns (uint256);

    /// @notice Settles `account`'s share of the listed articles and sends it everything it is owed.
    /// Anyone may trigger it; funds only ever go to `account`.
    function withdraw(address account, uint256[] calldata articleIds) external returns (uint256 amount);

    /// @notice Address receiving the treasury share and all rounding remainders.
    function treasury() external view returns (address);
}
