// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {IERC5643} from "./IERC5643.sol";
import {IERC7572} from "./IERC7572.sol";

/// @title TopNFTpost membership passes
/// @notice ERC-721 passes sold in tiers. Time-limited tiers gate reading (ERC-5643 expiry);
/// lifetime tiers may also carry voting weight for the coverage DAO (ERC-5805, timestamp clock).
/// @dev Holding rule: a wallet holds at most one pass per tier. Buying a tier the recipient
/// already holds renews that pass by one period; a transfer into a wallet that holds the tier
/// reverts with {MembershipPassTierAlreadyHeld}. With at most {MAX_TIERS} tiers, `hasAccess` reads
/// at most two slots per tier whatever happens to the passes.
///
/// Seat rule: a tier's supply cap counts passes that exist (minted and not burned). A holder may
/// burn their own pass, and anyone may burn a subscription pass that lapsed more than
/// {SEAT_GRACE_PERIOD} ago, so a capped monthly tier never sells out for good.
///
/// Sold terms are fixed: once a tier has minted, its duration, level, transferability and voting
/// weight never change, and its supply cap can only go down. Votes are a governance power: tiers
/// with voting weight are created and changed by the admin role only (the manager may close
/// their sale or edit their name and metadata).
interface IMembershipPass is IERC5643, IERC7572 {
    /// @notice A tier's configuration.
    /// @param price Price in wei of one period (or of the pass, for lifetime tiers).
    /// @param duration Seconds one period lasts; 0 means lifetime.
    /// @param maxSupply Most passes that may exist at once in this tier; 0 means unlimited.
    /// @param level Reading level, 1-254: a pass reads every article at or below it.
    /// @param votingWeight Votes a pass carries; only lifetime tiers may have any.
    /// @param transferable False makes the pass soulbound.
    /// @param saleOpen Whether new passes are sold (renewals are always accepted).
    struct TierConfig {
        string name;
        uint96 price;
        uint32 duration;
        uint32 maxSupply;
        uint8 level;
        uint16 votingWeight;
        bool transferable;
        bool saleOpen;
        string metadataURI;
    }

    /// @notice `tierId` was never created.
    error MembershipPassUnknownTier(uint256 tierId);
    /// @notice `createTier` beyond {MAX_TIERS}.
    error MembershipPassTooManyTiers(uint256 maxTiers);
    /// @notice A tier's level is 0 or above 254 (255 is reserved for edition-only articles).
    error MembershipPassInvalidLevel(uint8 level);
    /// @notice A time-limited tier was given voting weight: only lifetime passes vote.
    error MembershipPassVotingTierNotLifetime(uint32 duration, uint16 votingWeight);
    /// @notice `updateTier` tried to change the duration, level, transferability or voting weight
    /// of a tier that has minted, or to raise its supply cap. New terms need a new tier.
    error MembershipPassTermsLocked(uint256 tierId);
    /// @notice `updateTier` set a supply cap below the passes that exist in the tier.
    error MembershipPassSupplyBelowSeats(uint256 tierId, uint32 maxSupply, uint32 seats);
    /// @notice `purchase` of a new pass while the tier's sale is closed.
    error MembershipPassSaleClosed(uint256 tierId);
    /// @notice `purchase` of a new pass while every seat of the tier is taken.
    error MembershipPassSoldOut(uint256 tierId, uint32 maxSupply);
    /// @notice The value sent is not exactly what is due.
    error MembershipPassWrongPayment(uint256 expected, uint256 sent);
    /// @notice `holder` already holds `tokenId` of `tierId`: a transfer into that wallet, or a
    /// purchase of a lifetime tier it holds.
    error MembershipPassTierAlreadyHeld(address holder, uint256 tierId, uint256 tokenId);
    /// @notice A pass of a soulbound tier cannot move between wallets.
    error MembershipPassSoulbound(uint256 tokenId);
    /// @notice Renewing or cancelling a lifetime pass.
    error MembershipPassNotRenewable(uint256 tokenId);
    /// @notice A renewal that is not a whole, non-zero number of the tier's periods.
    error MembershipPassInvalidRenewal(uint256 tokenId, uint64 duration, uint32 period);
    /// @notice A renewal would end after `latest`: {MAX_PREPAID_PERIODS} periods from now.
    error MembershipPassRenewalTooFar(uint256 tokenId, uint64 expiry, uint64 latest);
    /// @notice `reclaimSeat` on a pass that is lifetime, live, or lapsed for less than the grace period.
    error MembershipPassSeatNotReclaimable(uint256 tokenId, uint64 reclaimableAt);
    /// @notice A referral share above {MAX_REFERRAL_BPS}.
    error MembershipPassInvalidReferralBps(uint16 bps);
    /// @notice The zero address as treasury.
    error MembershipPassInvalidTreasury(address treasury);
    /// @notice `withdraw` for an account that is owed nothing.
    error MembershipPassNothingOwed(address account);
    /// @notice The payout's ETH transfer to `account` failed (a contract that refuses ETH).
    error MembershipPassPayoutFailed(address account, uint256 amount);

    /// @notice A tier was created.
    event TierCreated(uint256 indexed tierId, TierConfig config);
    /// @notice A tier's configuration changed (also emits ERC-4906 `BatchMetadataUpdate`).
    event TierUpdated(uint256 indexed tierId, TierConfig config);
    /// @notice Emitted by every `purchase`: a new pass, or (when `recipient` already held the tier)
    /// a renewal of `tokenId` by one period, which also emits `SubscriptionUpdate`.
    /// @param referrer The referrer credited, or 0 (renewals credit none).
    event PassPurchased(
        uint256 indexed tokenId,
        address indexed buyer,
        address indexed recipient,
        address referrer,
        uint256 paid
    );
    /// @notice `referrer` earned `amount` from a purchase.
    event ReferralCredited(address indexed referrer, uint256 amount);
    /// @notice The referral share of future purchases changed.
    event ReferralBpsUpdated(uint16 bps);
    /// @notice The treasury changed; it also becomes the royalty receiver.
    event TreasuryUpdated(address treasury);
    /// @notice `account` was paid `amount`.
    event Withdrawn(address indexed account, uint256 amount);

    /// @notice Most tiers there will ever be; bounds the cost of `hasAccess`.
    function MAX_TIERS() external view returns (uint256);

    /// @notice Creates a tier.
    /// @dev Requirements: the manager role, or the admin role for a tier with voting weight; fewer
    /// than {MAX_TIERS} tiers; a level 1-254; voting weight only on a lifetime tier.
    /// Emits {TierCreated}.
    function createTier(TierConfig calldata config) external returns (uint256 tierId);

    /// @notice Edits a tier.
    /// @dev Requirements: the manager role; the admin role to change a voting tier beyond closing
    /// its sale or editing its name and metadata. Once the tier has minted: same duration, level,
    /// transferability and voting weight, and a supply cap no higher than before and no lower than
    /// the passes that exist. Emits {TierUpdated} and `BatchMetadataUpdate`.
    function updateTier(uint256 tierId, TierConfig calldata config) external;

    /// @notice Buys one pass of `tierId` for `recipient` (a gift when it is not the caller). When
    /// `recipient` already holds the tier, renews that pass by one period instead, exactly as
    /// `renewSubscription` would, taking no new seat.
    /// @dev Payable with exactly the tier's price. For a new pass: the sale is open and a seat is
    /// free; `referrer` (0 for none; the buyer and the recipient cannot refer themselves) earns
    /// `referralBps` of the price, the rest is the treasury's. Emits {PassPurchased}, and ERC-721
    /// `Transfer` and `SubscriptionUpdate` as they apply.
    function purchase(uint256 tierId, address recipient, address referrer) external payable returns (uint256 tokenId);

    /// @notice Burns `tokenId`, freeing its seat. Owner or approved only.
    function burn(uint256 tokenId) external;

    /// @notice Burns a subscription pass that lapsed more than {SEAT_GRACE_PERIOD} ago, freeing its
    /// seat for a new buyer. Anyone may call it.
    function reclaimSeat(uint256 tokenId) external;

    /// @notice True when `reader` holds an unexpired pass whose tier level is at least `minLevel`.
    function hasAccess(address reader, uint8 minLevel) external view returns (bool);

    /// @notice The pass `holder` holds in `tierId`, or 0.
    function passOf(address holder, uint256 tierId) external view returns (uint256 tokenId);

    /// @notice The tier a pass belongs to.
    function tierOf(uint256 tokenId) external pure returns (uint256 tierId);

    /// @notice A tier's configuration, how many passes it ever minted, and how many exist now
    /// (the seats its supply cap counts).
    function tier(uint256 tierId) external view returns (TierConfig memory config, uint32 minted, uint32 seats);

    /// @notice Number of tiers created so far (tier ids run from 1 to this).
    function tierCount() external view returns (uint256);

    /// @notice Wei `account` may withdraw now (referral earnings, plus sales for the treasury).
    function owed(address account) external view returns (uint256);

    /// @notice Sends `account` everything it is owed. Anyone may trigger it; funds go to `account`.
    /// @dev Requirements: something is owed. Emits {Withdrawn}.
    function withdraw(address account) external returns (uint256 amount);

    /// @notice Basis points of each purchase earned by its referrer.
    function referralBps() external view returns (uint16);

    /// @notice Address that receives sales revenue net of referrals, and royalties.
    function treasury() external view returns (address);
}
