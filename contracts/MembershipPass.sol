// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {AccessControl} from "@openzeppelin/contracts/access/AccessControl.sol";
import {Votes} from "@openzeppelin/contracts/governance/utils/Votes.sol";
import {IERC4906} from "@openzeppelin/contracts/interfaces/IERC4906.sol";
import {ERC721} from "@openzeppelin/contracts/token/ERC721/ERC721.sol";
import {ERC721Utils} from "@openzeppelin/contracts/token/ERC721/utils/ERC721Utils.sol";
import {ERC2981} from "@openzeppelin/contracts/token/common/ERC2981.sol";
import {EIP712} from "@openzeppelin/contracts/utils/cryptography/EIP712.sol";
import {IERC165} from "@openzeppelin/contracts/utils/introspection/IERC165.sol";
import {IERC5643} from "./interfaces/IERC5643.sol";
import {IERC7572} from "./interfaces/IERC7572.sol";
import {IMembershipPass} from "./interfaces/IMembershipPass.sol";

/// @title MembershipPass
/// @notice Tiered ERC-721 membership passes: reading access with ERC-5643 expiry, and weighted
/// votes (ERC-5805 on a timestamp clock) for lifetime member tiers.
/// @dev Votes come from OZ `Votes` fed by per-tier weights rather than `ERC721Votes`' one vote
/// per token. Sales revenue is pulled: the treasury withdraws the contract balance net of what
/// referrers are owed, so a purchase without a referrer writes no accounting slot at all (and ETH
/// forced into the contract simply becomes the treasury's).
contract MembershipPass is IMembershipPass, ERC721, Votes, ERC2981, AccessControl, IERC4906 {
    bytes32 public constant MANAGER_ROLE = keccak256("MANAGER_ROLE");

    /// @inheritdoc IMembershipPass
    uint256 public constant MAX_TIERS = 16;
    /// @notice Most a referral may earn: a referral works as a discount anyone can take by naming
    /// their own second wallet, so it stays a bounded one.
    uint16 public constant MAX_REFERRAL_BPS = 2_000;
    uint8 public constant MAX_LEVEL = 254;
    /// @notice Periods a pass may be paid ahead: two years of a monthly tier. Longer would let a
    /// cheap or trial period turn into lasting access that survives a price rise or a closed sale.
    uint256 public constant MAX_PREPAID_PERIODS = 24;
    /// @notice How long a lapsed subscriber keeps their seat before anyone may reclaim it.
    uint256 public constant SEAT_GRACE_PERIOD = 30 days;

    uint256 private constant _SERIAL_BITS = 32;
    uint40 private constant _LIFETIME = type(uint40).max;
    uint8 private constant _TRANSFERABLE = 1;
    uint8 private constant _SALE_OPEN = 2;
    /// @dev 100% in basis points: shares of a price are `price * bps / _BPS_DENOMINATOR`.
    uint256 private constant _BPS_DENOMINATOR = 10_000;
    /// @dev ERC-4906's id as its EIP fixes it; OZ's `type(IERC4906).interfaceId` differs, because
    /// that interface also inherits IERC721's functions.
    bytes4 private constant _ERC4906_INTERFACE_ID = 0x49064906;

    /// Storage layout, chosen for gas (a new slot costs 22,100): one slot per tier holds all that
    /// `purchase`, `renewSubscription` and `hasAccess` read: price 96 | duration 32 | maxSupply 32
    /// | minted 32 | burned 32 | level 8 | votingWeight 16 | flags 8 (transferable, saleOpen) = 256
    /// bits. A pass has no slot of its own: its tier is the token id's high bits (tierId << 32 |
    /// serial) and its expiry sits in the holder's per-tier record (serial 32 | expiresAt 40), so a
    /// purchase writes only ERC-721 owner and balance plus that record.
    struct Tier {
        uint96 price;
        uint32 duration;
        uint32 maxSupply;
        uint32 minted;
        uint32 burned;
        uint8 level;
        uint16 votingWeight;
        uint8 flags;
    }

    struct Membership {
        uint32 serial;
        uint40 expiresAt;
    }

    mapping(uint256 tierId => Tier) private _tiers;
    mapping(uint256 tierId => string) private _tierNames;
    mapping(uint256 tierId => string) private _tierURIs;
    mapping(address holder => mapping(uint256 tierId => Membership)) private _memberships;
    mapping(address referrer => uint256) private _referralOwed;
    /// @dev Holders who delegated to nobody: they are never auto-delegated again. Written only by
    /// delegation, so a purchase pays one extra cold read, never a new slot.
    mapping(address holder => bool) private _delegationOptedOut;
    uint256 private _referralOwedTotal;
    uint256 private _tierCount;
    address private _treasury;
    uint16 private _referralBps;
    string private _contractURI;

    constructor(
        address admin,
        address treasury_,
        uint16 referralBps_,
        uint96 royaltyBps,
        string memory contractURI_
    ) ERC721("TopNFTpost Membership", "TNPM") EIP712("TopNFTpost Membership", "1") {
        _grantRole(DEFAULT_ADMIN_ROLE, admin);
        _grantRole(MANAGER_ROLE, admin);
        _setDefaultRoyalty(treasury_, royaltyBps);
        _setTreasury(treasury_);
        _setReferralBps(referralBps_);
        _contractURI = contractURI_;
    }

    // ----- tiers -----

    /// @inheritdoc IMembershipPass
    function createTier(TierConfig calldata config) external returns (uint256 tierId) {
        _checkRole(config.votingWeight != 0 ? DEFAULT_ADMIN_ROLE : MANAGER_ROLE);
        tierId = _tierCount + 1;
        if (tierId > MAX_TIERS) revert MembershipPassTooManyTiers(MAX_TIERS);
        _validateTier(config);
        _tierCount = tierId;
        _storeTier(tierId, config, 0, 0);
        emit TierCreated(tierId, config);
    }

    /// @inheritdoc IMembershipPass
    function updateTier(uint256 tierId, TierConfig calldata config) external {
        Tier memory current = _existingTier(tierId);
        bool voting = current.votingWeight != 0 || config.votingWeight != 0;
        _checkRole(voting && !_onlyClosesOrRenames(current, config) ? DEFAULT_ADMIN_ROLE : MANAGER_ROLE);
        _validateTier(config);
        if (current.minted != 0) _requireSoldTermsKept(tierId, current, config);
        uint32 seats = current.minted - current.burned;
        if (config.maxSupply != 0 && config.maxSupply < seats) {
            revert MembershipPassSupplyBelowSeats(tierId, config.maxSupply, seats);
        }
        _storeTier(tierId, config, current.minted, current.burned);
        emit TierUpdated(tierId, config);
        emit BatchMetadataUpdate(_tokenIdOf(tierId, 1), _tokenIdOf(tierId, type(uint32).max));
    }

    /// @inheritdoc IMembershipPass
    function tier(uint256 tierId) external view returns (TierConfig memory config, uint32 minted, uint32 seats) {
        Tier memory t = _existingTier(tierId);
        config = TierConfig({
            name: _tierNames[tierId],
            price: t.price,
            duration: t.duration,
            maxSupply: t.maxSupply,
            level: t.level,
            votingWeight: t.votingWeight,
            transferable: t.flags & _TRANSFERABLE != 0,
            saleOpen: t.flags & _SALE_OPEN != 0,
            metadataURI: _tierURIs[tierId]
        });
        minted = t.minted;
        seats = t.minted - t.burned;
    }

    /// @inheritdoc IMembershipPass
    function tierCount() external view returns (uint256) {
        return _tierCount;
    }

    // ----- buying and holding -----

    /// @inheritdoc IMembershipPass
    function purchase(uint256 tierId, address recipient, address referrer) external payable returns (uint256 tokenId) {
        Tier memory t = _tiers[tierId];
        if (t.level == 0) revert MembershipPassUnknownTier(tierId);
        uint32 heldSerial = _memberships[recipient][tierId].serial;
        if (heldSerial != 0) {
            tokenId = _tokenIdOf(tierId, heldSerial);
            if (t.duration == 0) revert MembershipPassTierAlreadyHeld(recipient, tierId, tokenId);
            // A held tier renews: nobody can be locked out of buying by an unwanted pass.
            _renew(recipient, tokenId, t, t.duration);
            emit PassPurchased(tokenId, msg.sender, recipient, address(0), msg.value);
            return tokenId;
        }
        if (t.flags & _SALE_OPEN == 0) revert MembershipPassSaleClosed(tierId);
        if (t.maxSupply != 0 && t.minted - t.burned >= t.maxSupply) revert MembershipPassSoldOut(tierId, t.maxSupply);
        if (msg.value != t.price) revert MembershipPassWrongPayment(t.price, msg.value);

        uint32 serial = t.minted + 1;
        _tiers[tierId].minted = serial;
        tokenId = _tokenIdOf(tierId, serial);
        uint40 expiry = t.duration == 0 ? _LIFETIME : uint40(block.timestamp) + t.duration;
        // Mint before writing the record: auto-delegation counts the recipient's votes without it.
        _mint(recipient, tokenId);
        _memberships[recipient][tierId] = Membership(serial, expiry);
        if (t.duration != 0) emit SubscriptionUpdate(tokenId, expiry);
        bool credited = _creditReferral(referrer, recipient, msg.value);
        emit PassPurchased(tokenId, msg.sender, recipient, credited ? referrer : address(0), msg.value);
        ERC721Utils.checkOnERC721Received(msg.sender, address(0), recipient, tokenId, "");
    }

    /// @inheritdoc IMembershipPass
    function burn(uint256 tokenId) external {
        // `auth` makes OZ check ownership or approval (ERC721InsufficientApproval otherwise).
        _update(address(0), tokenId, msg.sender);
    }

    /// @inheritdoc IMembershipPass
    function reclaimSeat(uint256 tokenId) external {
        address holder = _requireOwned(tokenId);
        uint256 tierId = tierOf(tokenId);
        uint256 reclaimableAt = uint256(_memberships[holder][tierId].expiresAt) + SEAT_GRACE_PERIOD;
        if (_tiers[tierId].duration == 0 || block.timestamp < reclaimableAt) {
            revert MembershipPassSeatNotReclaimable(tokenId, uint64(reclaimableAt));
        }
        _burn(tokenId);
    }

    /// @inheritdoc IMembershipPass
    function hasAccess(address reader, uint8 minLevel) external view returns (bool) {
        uint256 count = _tierCount;
        for (uint256 tierId = 1; tierId <= count; ++tierId) {
            if (_tiers[tierId].level < minLevel) continue;
            Membership memory m = _memberships[reader][tierId];
            if (m.serial != 0 && block.timestamp < m.expiresAt) return true;
        }
        return false;
    }

    /// @inheritdoc IMembershipPass
    function passOf(address holder, uint256 tierId) external view returns (uint256) {
        uint32 serial = _memberships[holder][tierId].serial;
        return serial == 0 ? 0 : _tokenIdOf(tierId, serial);
    }

    /// @inheritdoc IMembershipPass
    function tierOf(uint256 tokenId) public pure returns (uint256) {
        return tokenId >> _SERIAL_BITS;
    }

    // ----- ERC-5643 subscriptions -----

    /// @inheritdoc IERC5643
    /// @dev Anyone may pay a renewal, also after the tier's sale closed (subscribers keep their
    /// seat). `duration` must be a whole number of the tier's periods; it extends from the later
    /// of now and the current expiry, so a lapsed pass restarts today, and may end at most
    /// {MAX_PREPAID_PERIODS} periods from now.
    function renewSubscription(uint256 tokenId, uint64 duration) external payable {
        address holder = _requireOwned(tokenId);
        Tier memory t = _tiers[tierOf(tokenId)];
        if (t.duration == 0) revert MembershipPassNotRenewable(tokenId);
        _renew(holder, tokenId, t, duration);
    }

    /// @inheritdoc IERC5643
    /// @dev Owner or approved only; access ends now and nothing is refunded. As ERC-5643 says, the
    /// expiration becomes 0; cancelling a cancelled pass changes nothing and emits nothing.
    function cancelSubscription(uint256 tokenId) external payable {
        if (msg.value != 0) revert MembershipPassWrongPayment(0, msg.value);
        address holder = _requireOwned(tokenId);
        _checkAuthorized(holder, msg.sender, tokenId);
        uint256 tierId = tierOf(tokenId);
        if (_tiers[tierId].duration == 0) revert MembershipPassNotRenewable(tokenId);
        Membership storage m = _memberships[holder][tierId];
        if (m.expiresAt == 0) return;
        m.expiresAt = 0;
        emit SubscriptionUpdate(tokenId, 0);
    }

    /// @inheritdoc IERC5643
    /// @dev Lifetime passes report `type(uint64).max`.
    function expiresAt(uint256 tokenId) external view returns (uint64) {
        address holder = _requireOwned(tokenId);
        uint40 expiry = _memberships[holder][tierOf(tokenId)].expiresAt;
        return expiry == _LIFETIME ? type(uint64).max : expiry;
    }

    /// @inheritdoc IERC5643
    function isRenewable(uint256 tokenId) external view returns (bool) {
        _requireOwned(tokenId);
        return _tiers[tierOf(tokenId)].duration != 0;
    }

    // ----- money -----

    /// @inheritdoc IMembershipPass
    function owed(address account) public view returns (uint256 amount) {
        amount = _referralOwed[account];
        if (account == _treasury) amount += address(this).balance - _referralOwedTotal;
    }

    /// @inheritdoc IMembershipPass
    function withdraw(address account) external returns (uint256 amount) {
        amount = owed(account);
        if (amount == 0) revert MembershipPassNothingOwed(account);
        uint256 referral = _referralOwed[account];
        if (referral != 0) {
            _referralOwed[account] = 0;
            _referralOwedTotal -= referral;
        }
        emit Withdrawn(account, amount);
        (bool sent, ) = account.call{value: amount}("");
        if (!sent) revert MembershipPassPayoutFailed(account, amount);
    }

    /// @inheritdoc IMembershipPass
    function referralBps() external view returns (uint16) {
        return _referralBps;
    }

    /// @inheritdoc IMembershipPass
    function treasury() external view returns (address) {
        return _treasury;
    }

    /// @notice Sets the referral share of future purchases; passes already sold keep what they paid.
    /// @dev Requirements: the admin role; `bps` at most {MAX_REFERRAL_BPS}, else
    /// {MembershipPassInvalidReferralBps}. Emits {ReferralBpsUpdated}.
    function setReferralBps(uint16 bps) external onlyRole(DEFAULT_ADMIN_ROLE) {
        _setReferralBps(bps);
    }

    /// @notice Moves future and unwithdrawn treasury revenue to `treasury_`, and makes it the
    /// ERC-2981 royalty receiver at the same rate.
    /// @dev Requirements: the admin role; `treasury_` is not the zero address, else
    /// {MembershipPassInvalidTreasury}. Emits {TreasuryUpdated}.
    function setTreasury(address treasury_) external onlyRole(DEFAULT_ADMIN_ROLE) {
        _setTreasury(treasury_);
    }

    /// @notice Sets the ERC-2981 royalty on secondary sales, paid to the treasury.
    /// @dev Requirements: the admin role; `bps` at most 10,000 basis points, else OZ's
    /// `ERC2981InvalidDefaultRoyalty`. Emits nothing: marketplaces read `royaltyInfo` at sale time.
    function setRoyaltyBps(uint96 bps) external onlyRole(DEFAULT_ADMIN_ROLE) {
        _setDefaultRoyalty(_treasury, bps);
    }

    // ----- metadata -----

    /// @inheritdoc IERC7572
    function contractURI() external view returns (string memory) {
        return _contractURI;
    }

    /// @notice Sets the collection metadata URI (ERC-7572).
    /// @dev Requirements: the admin role. Emits {ContractURIUpdated}.
    function setContractURI(string calldata uri) external onlyRole(DEFAULT_ADMIN_ROLE) {
        _contractURI = uri;
        emit ContractURIUpdated();
    }

    /// @notice The tier's metadata URI: every pass of a tier shares its metadata.
    function tokenURI(uint256 tokenId) public view override returns (string memory) {
        _requireOwned(tokenId);
        return _tierURIs[tierOf(tokenId)];
    }

    // ----- votes (ERC-6372 timestamp clock) -----

    function clock() public view override returns (uint48) {
        return uint48(block.timestamp);
    }

    // solhint-disable-next-line func-name-mixedcase
    function CLOCK_MODE() public pure override returns (string memory) {
        return "mode=timestamp";
    }

    function supportsInterface(
        bytes4 interfaceId
    ) public view override(ERC721, ERC2981, AccessControl, IERC165) returns (bool) {
        return
            interfaceId == type(IERC5643).interfaceId ||
            interfaceId == _ERC4906_INTERFACE_ID ||
            super.supportsInterface(interfaceId);
    }

    // ----- internals -----

    /// @dev Enforces soulbound tiers and one pass per tier per wallet, moves the holder record
    /// with the token (or frees its seat on burn), and moves the tier's voting weight,
    /// self-delegating holders on their first receipt.
    function _update(address to, uint256 tokenId, address auth) internal override returns (address from) {
        // OZ checks `auth` first, so an unauthorised caller gets ERC721InsufficientApproval
        // (EIP-6093) before any rule of ours; reverting afterwards undoes the move.
        from = super._update(to, tokenId, auth);
        uint256 tierId = tierOf(tokenId);
        Tier memory t = _tiers[tierId];
        bool moves = from != address(0) && to != address(0) && from != to;
        if (moves) {
            if (t.flags & _TRANSFERABLE == 0) revert MembershipPassSoulbound(tokenId);
            uint32 heldSerial = _memberships[to][tierId].serial;
            if (heldSerial != 0) revert MembershipPassTierAlreadyHeld(to, tierId, _tokenIdOf(tierId, heldSerial));
        }
        // Before the record arrives, so `_delegate` moves only the votes the holder already had.
        if (t.votingWeight != 0 && to != address(0) && delegates(to) == address(0) && !_delegationOptedOut[to]) {
            _delegate(to, to);
        }
        if (moves) {
            _memberships[to][tierId] = _memberships[from][tierId];
            delete _memberships[from][tierId];
        } else if (to == address(0)) {
            delete _memberships[from][tierId];
            _tiers[tierId].burned = t.burned + 1;
        }
        if (t.votingWeight != 0) _transferVotingUnits(from, to, t.votingWeight);
    }

    /// @dev Remembers who delegated to nobody, so receiving a pass later never overrides it.
    function _delegate(address account, address delegatee) internal override {
        bool optedOut = delegatee == address(0);
        if (_delegationOptedOut[account] != optedOut) _delegationOptedOut[account] = optedOut;
        super._delegate(account, delegatee);
    }

    /// @dev Sum of the weights of the voting tiers `account` holds: at most MAX_TIERS reads.
    function _getVotingUnits(address account) internal view override returns (uint256 units) {
        uint256 count = _tierCount;
        for (uint256 tierId = 1; tierId <= count; ++tierId) {
            uint16 weight = _tiers[tierId].votingWeight;
            if (weight != 0 && _memberships[account][tierId].serial != 0) units += weight;
        }
    }

    function _creditReferral(address referrer, address recipient, uint256 paid) private returns (bool) {
        if (referrer == address(0) || referrer == recipient || referrer == msg.sender) return false;
        uint256 amount = (paid * _referralBps) / _BPS_DENOMINATOR;
        if (amount == 0) return false;
        _referralOwed[referrer] += amount;
        _referralOwedTotal += amount;
        emit ReferralCredited(referrer, amount);
        return true;
    }

    /// @dev Extends `tokenId` by `duration` (whole periods, paid exactly) from the later of now and
    /// its expiry, never past {MAX_PREPAID_PERIODS} periods from now.
    function _renew(address holder, uint256 tokenId, Tier memory t, uint64 duration) private {
        if (duration == 0 || duration % t.duration != 0) {
            revert MembershipPassInvalidRenewal(tokenId, duration, t.duration);
        }
        uint256 expected = uint256(t.price) * (duration / t.duration);
        if (msg.value != expected) revert MembershipPassWrongPayment(expected, msg.value);

        Membership storage m = _memberships[holder][tierOf(tokenId)];
        uint256 start = block.timestamp > m.expiresAt ? block.timestamp : m.expiresAt;
        uint256 expiry = start + duration;
        uint256 latest = block.timestamp + MAX_PREPAID_PERIODS * t.duration;
        if (expiry > latest) revert MembershipPassRenewalTooFar(tokenId, uint64(expiry), uint64(latest));
        m.expiresAt = uint40(expiry);
        emit SubscriptionUpdate(tokenId, uint64(expiry));
    }

    /// @dev True when `config` differs from `current` only by a closed sale, name or metadata URI.
    function _onlyClosesOrRenames(Tier memory current, TierConfig calldata config) private pure returns (bool) {
        return
            config.price == current.price &&
            config.duration == current.duration &&
            config.maxSupply == current.maxSupply &&
            config.level == current.level &&
            config.votingWeight == current.votingWeight &&
            config.transferable == (current.flags & _TRANSFERABLE != 0) &&
            (!config.saleOpen || current.flags & _SALE_OPEN != 0);
    }

    /// @dev Holders bought these terms: they never change, and the supply cap only goes down.
    function _requireSoldTermsKept(uint256 tierId, Tier memory current, TierConfig calldata config) private pure {
        bool raisesCap = current.maxSupply != 0 && (config.maxSupply == 0 || config.maxSupply > current.maxSupply);
        if (
            config.duration != current.duration ||
            config.level != current.level ||
            config.votingWeight != current.votingWeight ||
            config.transferable != (current.flags & _TRANSFERABLE != 0) ||
            raisesCap
        ) revert MembershipPassTermsLocked(tierId);
    }

    function _existingTier(uint256 tierId) private view returns (Tier memory t) {
        t = _tiers[tierId];
        if (t.level == 0) revert MembershipPassUnknownTier(tierId);
    }

    function _validateTier(TierConfig calldata config) private pure {
        if (config.level == 0 || config.level > MAX_LEVEL) revert MembershipPassInvalidLevel(config.level);
        if (config.votingWeight != 0 && config.duration != 0) {
            revert MembershipPassVotingTierNotLifetime(config.duration, config.votingWeight);
        }
    }

    function _storeTier(uint256 tierId, TierConfig calldata config, uint32 minted, uint32 burned) private {
        _tiers[tierId] = Tier({
            price: config.price,
            duration: config.duration,
            maxSupply: config.maxSupply,
            minted: minted,
            burned: burned,
            level: config.level,
            votingWeight: config.votingWeight,
            flags: (config.transferable ? _TRANSFERABLE : 0) | (config.saleOpen ? _SALE_OPEN : 0)
        });
        _tierNames[tierId] = config.name;
        _tierURIs[tierId] = config.metadataURI;
    }

    /// @dev The royalty receiver follows the treasury, keeping its rate.
    function _setTreasury(address treasury_) private {
        if (treasury_ == address(0)) revert MembershipPassInvalidTreasury(treasury_);
        _treasury = treasury_;
        (, uint256 royaltyBps) = royaltyInfo(0, _feeDenominator());
        _setDefaultRoyalty(treasury_, uint96(royaltyBps));
        emit TreasuryUpdated(treasury_);
    }

    function _setReferralBps(uint16 bps) private {
        if (bps > MAX_REFERRAL_BPS) revert MembershipPassInvalidReferralBps(bps);
        _referralBps = bps;
        emit ReferralBpsUpdated(bps);
    }

    function _tokenIdOf(uint256 tierId, uint32 serial) private pure returns (uint256) {
        return (tierId << _SERIAL_BITS) | serial;
    }
}
