// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {AccessControl} from "@openzeppelin/contracts/access/AccessControl.sol";
import {IERC4906} from "@openzeppelin/contracts/interfaces/IERC4906.sol";
import {ERC1155} from "@openzeppelin/contracts/token/ERC1155/ERC1155.sol";
import {ERC2981} from "@openzeppelin/contracts/token/common/ERC2981.sol";
import {IArticleEditions} from "./interfaces/IArticleEditions.sol";
import {IERC7572} from "./interfaces/IERC7572.sol";
import {IMembershipPass} from "./interfaces/IMembershipPass.sol";

/// @title ArticleEditions
/// @notice Collectible editions of articles (ERC-1155, one token id per article) and the reading
/// gate `canRead`.
/// @dev The per-wallet cap bounds what the recipient holds when collecting, not what it ever
/// collected: editions moved away free room under the cap. A lifetime counter would cost a new
/// 22,100-gas slot per collector, and caps are per address, which a collector can multiply anyway.
contract ArticleEditions is IArticleEditions, ERC1155, ERC2981, AccessControl {
    bytes32 public constant PUBLISHER_ROLE = keccak256("PUBLISHER_ROLE");

    uint8 public constant EDITION_HOLDERS_ONLY = type(uint8).max;
    uint256 public constant MAX_AUTHORS = 8;
    /// @notice Most a referral may earn: a buyer may name their own second wallet as referrer,
    /// so a referral share is a discount anyone can take, and it stays a bounded one.
    uint16 public constant MAX_REFERRAL_BPS = 2_000;
    /// @notice Most editions one `collect` mints: enough for a team or a giveaway, while an open
    /// edition's 48-bit counter would need 2.8 trillion calls to run out.
    uint256 public constant MAX_PER_COLLECT = 100;
    /// @notice Longest reason `unlist` takes, in bytes: a sentence or two for holders, not a document.
    uint256 public constant MAX_UNLIST_REASON_BYTES = 500;

    uint40 private constant _NO_END = type(uint40).max;
    /// @dev 100% in basis points: author shares and the treasury's add up to it exactly.
    uint256 private constant _BPS_DENOMINATOR = 10_000;
    uint48 private constant _OPEN_EDITION_LIMIT = type(uint48).max;
    /// @dev ERC-4906's id as its EIP fixes it; OZ's `type(IERC4906).interfaceId` differs, because
    /// that interface also inherits IERC721's functions.
    bytes4 private constant _ERC4906_INTERFACE_ID = 0x49064906;
    /// @dev Settlement key of the treasury's residual share (no author can be the zero address).
    address private constant _TREASURY_KEY = address(0);

    /// Storage layout, chosen for gas: `collect` reads and writes one slot per article, `_sales`:
    /// price 80 | maxSupply 32 | minted 48 | saleStart 40 | saleEnd 40 | walletCap 16 = 256 bits.
    /// Revenue is not booked per sale: each payee's due is derived at withdrawal from `minted` and
    /// `_terms.referred` (price never changes), so a collect without a referrer writes only that
    /// slot and the collector's ERC-1155 balance. `saleEnd` is never 0 once published (no end is
    /// stored as `type(uint40).max`), which marks the article as existing without another read.
    mapping(uint256 articleId => Sale) private _sales;
    mapping(uint256 articleId => Terms) private _terms;
    mapping(uint256 articleId => Payee[]) private _authors;
    mapping(uint256 articleId => string) private _uris;
    /// @dev Set once by `unlist` and never cleared: an unlisting is final.
    mapping(uint256 articleId => bool) private _unlisted;
    mapping(uint256 articleId => mapping(address payee => uint256)) private _settled;
    mapping(address account => uint256) private _credit;
    /// @dev Sum of `_credit`, for `surplus`; written only by referred collects and their payout.
    uint256 private _creditTotal;
    uint256 private _articleCount;
    address private _treasury;
    string private _contractURI;

    IMembershipPass public immutable PASSES;

    constructor(address admin, address treasury_, IMembershipPass passes, string memory contractURI_) ERC1155("") {
        _grantRole(DEFAULT_ADMIN_ROLE, admin);
        _grantRole(PUBLISHER_ROLE, admin);
        _setTreasury(treasury_);
        PASSES = passes;
        _contractURI = contractURI_;
    }

    // ----- publishing -----

    /// @inheritdoc IArticleEditions
    function publish(PublishParams calldata params) external onlyRole(PUBLISHER_ROLE) returns (uint256 articleId) {
        _validate(params);
        articleId = ++_articleCount;
        _sales[articleId] = Sale({
            price: params.price,
            maxSupply: params.maxSupply,
            minted: 0,
            saleStart: params.saleStart,
            saleEnd: params.saleEnd == 0 ? _NO_END : params.saleEnd,
            walletCap: params.walletCap
        });
        _terms[articleId] = Terms({
            premiumLevel: params.premiumLevel,
            referralBps: params.referralBps,
            treasuryBps: params.treasuryBps,
            referred: 0
        });
        for (uint256 i; i < params.authors.length; ++i) {
            _authors[articleId].push(params.authors[i]);
        }
        _uris[articleId] = params.uri;
        if (params.royaltyBps != 0) _setTokenRoyalty(articleId, params.royaltyReceiver, params.royaltyBps);
        emit ArticlePublished(articleId, msg.sender, params);
        emit URI(params.uri, articleId);
    }

    /// @inheritdoc IArticleEditions
    function revise(uint256 articleId, string calldata uri_) external onlyRole(PUBLISHER_ROLE) {
        _existingSale(articleId);
        if (bytes(uri_).length == 0) revert ArticleEditionsEmptyURI();
        _uris[articleId] = uri_;
        emit ArticleRevised(articleId, uri_);
        emit URI(uri_, articleId);
        emit IERC4906.MetadataUpdate(articleId);
    }

    /// @inheritdoc IArticleEditions
    function reduceMaxSupply(uint256 articleId, uint32 maxSupply) external onlyRole(PUBLISHER_ROLE) {
        Sale memory s = _existingSale(articleId);
        bool lowers = maxSupply != 0 && (s.maxSupply == 0 || maxSupply < s.maxSupply);
        if (!lowers || maxSupply < s.minted) {
            revert ArticleEditionsInvalidMaxSupply(articleId, maxSupply, s.maxSupply, s.minted);
        }
        _sales[articleId].maxSupply = maxSupply;
        emit MaxSupplyReduced(articleId, maxSupply);
    }

    /// @inheritdoc IArticleEditions
    function closeSale(uint256 articleId) external onlyRole(PUBLISHER_ROLE) {
        Sale memory s = _existingSale(articleId);
        if (block.timestamp >= s.saleEnd) {
            revert ArticleEditionsSaleClosed(articleId, s.saleStart, s.saleEnd, block.timestamp);
        }
        _sales[articleId].saleEnd = uint40(block.timestamp);
        emit SaleClosed(articleId, uint40(block.timestamp));
    }

    /// @inheritdoc IArticleEditions
    function unlist(uint256 articleId, string calldata reason) external onlyRole(PUBLISHER_ROLE) {
        Sale memory s = _existingSale(articleId);
        if (_unlisted[articleId]) revert ArticleEditionsAlreadyUnlisted(articleId);
        uint256 length = bytes(reason).length;
        if (length == 0 || length > MAX_UNLIST_REASON_BYTES) {
            revert ArticleEditionsInvalidReason(length, MAX_UNLIST_REASON_BYTES);
        }
        _unlisted[articleId] = true;
        // The sale closes as `closeSale` closes it (a sale not yet started never opens).
        if (block.timestamp < s.saleEnd) {
            _sales[articleId].saleEnd = uint40(block.timestamp);
            emit SaleClosed(articleId, uint40(block.timestamp));
        }
        emit ArticleUnlisted(articleId, reason);
    }

    /// @inheritdoc IArticleEditions
    function isUnlisted(uint256 articleId) external view returns (bool) {
        _existingSale(articleId);
        return _unlisted[articleId];
    }

    /// @inheritdoc IArticleEditions
    function setArticleRoyalty(uint256 articleId, address receiver, uint96 bps) external onlyRole(DEFAULT_ADMIN_ROLE) {
        _existingSale(articleId);
        if (bps == 0) _resetTokenRoyalty(articleId);
        else _setTokenRoyalty(articleId, receiver, bps);
        emit ArticleRoyaltyUpdated(articleId, receiver, bps);
    }

    // ----- collecting -----

    /// @inheritdoc IArticleEditions
    function collect(uint256 articleId, uint256 quantity, address recipient, address referrer) external payable {
        Sale memory s = _existingSale(articleId);
        if (quantity == 0) revert ArticleEditionsZeroQuantity(articleId);
        if (quantity > MAX_PER_COLLECT) revert ArticleEditionsQuantityTooLarge(articleId, quantity, MAX_PER_COLLECT);
        if (block.timestamp < s.saleStart || block.timestamp >= s.saleEnd) {
            revert ArticleEditionsSaleClosed(articleId, s.saleStart, s.saleEnd, block.timestamp);
        }
        uint256 limit = s.maxSupply == 0 ? _OPEN_EDITION_LIMIT : s.maxSupply;
        if (quantity > limit - s.minted) revert ArticleEditionsSoldOut(articleId, limit - s.minted, quantity);
        if (s.walletCap != 0) {
            uint256 held = balanceOf(recipient, articleId);
            if (held + quantity > s.walletCap) {
                revert ArticleEditionsWalletCapExceeded(articleId, recipient, held, quantity, s.walletCap);
            }
        }
        uint256 cost = uint256(s.price) * quantity;
        if (msg.value != cost) revert ArticleEditionsWrongPayment(articleId, cost, msg.value);

        _sales[articleId].minted = s.minted + uint48(quantity);
        if (referrer != address(0) && referrer != recipient && referrer != msg.sender) {
            _creditReferral(articleId, s.price, quantity, referrer);
        }
        _mint(recipient, articleId, quantity, "");
    }

    // ----- reading -----

    /// @inheritdoc IArticleEditions
    function canRead(address reader, uint256 articleId) external view returns (bool) {
        _existingSale(articleId);
        uint8 level = _terms[articleId].premiumLevel;
        if (level == 0 || balanceOf(reader, articleId) != 0) return true;
        if (level == EDITION_HOLDERS_ONLY) return false;
        return PASSES.hasAccess(reader, level);
    }

    /// @inheritdoc IArticleEditions
    function article(
        uint256 articleId
    ) external view returns (string memory uri_, Sale memory sale, Terms memory terms, Payee[] memory authors) {
        sale = _existingSale(articleId);
        return (_uris[articleId], sale, _terms[articleId], _authors[articleId]);
    }

    /// @inheritdoc IArticleEditions
    function authorsOf(uint256 articleId) external view returns (Payee[] memory) {
        _existingSale(articleId);
        return _authors[articleId];
    }

    /// @inheritdoc IArticleEditions
    function articleCount() external view returns (uint256) {
        return _articleCount;
    }

    /// @notice The article's metadata URI (`ipfs://<cid>`). Reverts for unknown articles.
    function uri(uint256 articleId) public view override returns (string memory) {
        _existingSale(articleId);
        return _uris[articleId];
    }

    /// @inheritdoc IERC7572
    function contractURI() external view returns (string memory) {
        return _contractURI;
    }

    /// @notice Sets the collection metadata URI (ERC-7572).
    /// @dev Requirements: the admin role. Emits {ContractURIUpdated}.
    function setContractURI(string calldata uri_) external onlyRole(DEFAULT_ADMIN_ROLE) {
        _contractURI = uri_;
        emit ContractURIUpdated();
    }

    // ----- money -----

    /// @inheritdoc IArticleEditions
    function owed(address account, uint256[] calldata articleIds) external view returns (uint256 amount) {
        amount = _credit[account];
        // One bit per article id, so an id listed twice counts once, as `withdraw` pays it.
        uint256 count = _articleCount;
        uint256[] memory seen = new uint256[]((count >> 8) + 1);
        for (uint256 i; i < articleIds.length; ++i) {
            uint256 articleId = articleIds[i];
            if (articleId <= count) {
                uint256 bit = 1 << (articleId & 0xff);
                if (seen[articleId >> 8] & bit != 0) continue;
                seen[articleId >> 8] |= bit;
            }
            (uint256 asAuthor, uint256 asTreasury) = _due(articleId, account); // reverts for unknown ids
            amount += asAuthor + asTreasury;
        }
    }

    /// @inheritdoc IArticleEditions
    function withdraw(address account, uint256[] calldata articleIds) external returns (uint256 amount) {
        amount = _credit[account];
        if (amount != 0) {
            _credit[account] = 0;
            _creditTotal -= amount;
        }
        for (uint256 i; i < articleIds.length; ++i) {
            uint256 articleId = articleIds[i];
            (uint256 asAuthor, uint256 asTreasury) = _due(articleId, account);
            if (asAuthor != 0) _settled[articleId][account] += asAuthor;
            if (asTreasury != 0) _settled[articleId][_TREASURY_KEY] += asTreasury;
            amount += asAuthor + asTreasury;
        }
        if (amount == 0) revert ArticleEditionsNothingOwed(account);
        emit Withdrawn(account, amount);
        (bool sent, ) = account.call{value: amount}("");
        if (!sent) revert ArticleEditionsPayoutFailed(account, amount);
    }

    /// @inheritdoc IArticleEditions
    function surplus() public view returns (uint256) {
        uint256 owedToAll = _creditTotal;
        uint256 count = _articleCount;
        for (uint256 articleId = 1; articleId <= count; ++articleId) {
            owedToAll += _unsettled(articleId);
        }
        return address(this).balance - owedToAll;
    }

    /// @inheritdoc IArticleEditions
    function sweepSurplus() external returns (uint256 amount) {
        amount = surplus();
        if (amount == 0) revert ArticleEditionsNoSurplus();
        address treasury_ = _treasury;
        emit SurplusSwept(treasury_, amount);
        (bool sent, ) = treasury_.call{value: amount}("");
        if (!sent) revert ArticleEditionsPayoutFailed(treasury_, amount);
    }

    /// @inheritdoc IArticleEditions
    function treasury() external view returns (address) {
        return _treasury;
    }

    /// @notice Moves the treasury share (including what is not yet withdrawn) to `treasury_`.
    /// @dev Requirements: the admin role; `treasury_` is not the zero address, else
    /// {ArticleEditionsInvalidTreasury}. Emits {TreasuryUpdated}.
    function setTreasury(address treasury_) external onlyRole(DEFAULT_ADMIN_ROLE) {
        _setTreasury(treasury_);
    }

    function supportsInterface(
        bytes4 interfaceId
    ) public view override(ERC1155, ERC2981, AccessControl) returns (bool) {
        return interfaceId == _ERC4906_INTERFACE_ID || super.supportsInterface(interfaceId);
    }

    // ----- internals -----

    /// @dev Referral pay is fixed per edition (floor of price x bps), so totals stay exact sums.
    function _creditReferral(uint256 articleId, uint80 price, uint256 quantity, address referrer) private {
        Terms storage terms = _terms[articleId];
        uint256 amount = _referralCut(price, terms.referralBps) * quantity;
        if (amount == 0) return;
        terms.referred += uint48(quantity);
        _credit[referrer] += amount;
        _creditTotal += amount;
        emit ReferralCredited(referrer, articleId, quantity, amount);
    }

    /// @dev What `account` can still take from `articleId`, as an author and as the treasury.
    /// Each edition's net price is split by floor per author; the treasury gets the rest, so the
    /// entitlements always sum to exactly what the article took in, net of referrals.
    function _due(uint256 articleId, address account) private view returns (uint256 asAuthor, uint256 asTreasury) {
        Sale memory s = _existingSale(articleId);
        Terms memory t = _terms[articleId];
        uint256 price = s.price;
        uint256 cut = _referralCut(s.price, t.referralBps);
        uint256 plain = s.minted - t.referred;
        uint256 authorsTotal;
        Payee[] storage authors = _authors[articleId];
        for (uint256 i; i < authors.length; ++i) {
            Payee memory p = authors[i];
            uint256 share =
                plain * ((price * p.shareBps) / _BPS_DENOMINATOR) +
                    t.referred * (((price - cut) * p.shareBps) / _BPS_DENOMINATOR);
            authorsTotal += share;
            if (p.account == account) asAuthor = share - _settled[articleId][account];
        }
        if (account == _treasury) {
            uint256 net = s.minted * price - t.referred * cut;
            asTreasury = net - authorsTotal - _settled[articleId][_TREASURY_KEY];
        }
    }

    /// @dev What the article took in, net of referrals, that no payee has withdrawn yet.
    function _unsettled(uint256 articleId) private view returns (uint256 amount) {
        Sale memory s = _sales[articleId];
        Terms memory t = _terms[articleId];
        amount = s.minted * uint256(s.price) - t.referred * _referralCut(s.price, t.referralBps);
        amount -= _settled[articleId][_TREASURY_KEY];
        Payee[] storage authors = _authors[articleId];
        for (uint256 i; i < authors.length; ++i) {
            amount -= _settled[articleId][authors[i].account];
        }
    }

    function _referralCut(uint80 price, uint16 referralBps) private pure returns (uint256) {
        return (uint256(price) * referralBps) / _BPS_DENOMINATOR;
    }

    function _existingSale(uint256 articleId) private view returns (Sale memory s) {
        s = _sales[articleId];
        if (s.saleEnd == 0) revert ArticleEditionsUnknownArticle(articleId);
    }

    function _validate(PublishParams calldata params) private pure {
        if (bytes(params.uri).length == 0) revert ArticleEditionsEmptyURI();
        if (params.saleEnd != 0 && params.saleEnd <= params.saleStart) {
            revert ArticleEditionsInvalidSaleWindow(params.saleStart, params.saleEnd);
        }
        if (params.referralBps > MAX_REFERRAL_BPS) revert ArticleEditionsInvalidReferralBps(params.referralBps);
        uint256 count = params.authors.length;
        if (count > MAX_AUTHORS) revert ArticleEditionsTooManyAuthors(count, MAX_AUTHORS);
        uint256 total = params.treasuryBps;
        for (uint256 i; i < count; ++i) {
            address account = params.authors[i].account;
            if (account == address(0)) revert ArticleEditionsInvalidAuthor(account);
            for (uint256 j; j < i; ++j) {
                if (params.authors[j].account == account) revert ArticleEditionsInvalidAuthor(account);
            }
            total += params.authors[i].shareBps;
        }
        if (total != _BPS_DENOMINATOR) revert ArticleEditionsInvalidShares(total);
    }

    function _setTreasury(address treasury_) private {
        if (treasury_ == address(0)) revert ArticleEditionsInvalidTreasury(treasury_);
        _treasury = treasury_;
        emit TreasuryUpdated(treasury_);
    }
}
