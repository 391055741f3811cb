// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {IERC5643} from "./IERC5643.sol";
import {IERC7572} from "./IERC7572.sol";

/// @title TopNFTpost membership passes
/// @notice ERC-721 passes sold in tiers. Time-limited tiers gate reading (ERC-5643 expiry);
/// lifetime tiers may also carry voting weight for the coverage DAO (ERC-5805, timestamp clock).
/// @dev Holding rule: a wallet holds at most one pass per tier. A second purchase of a tier the
/// recipient already holds reverts with {MembershipPassTierAlreadyHeld} (renew instead), and so
/// does a transfer into a wallet that holds that tier. With at most {MAX_TIERS} tiers, `hasAccess`
/// reads at most two slots per tier whatever happens to the passes.
interface IMembershipPass is IERC5643, IERC7572 {
    /// @notice A tier's configuration, as set by the manager role.
    /// @param price Price in wei of one period (or of the pass, for lifetime tiers).
    /// @param duration Seconds one period lasts; 0 means lifetime.
    /// @param maxSupply Most passes ever minted in this tier; 0 means unlimited.
    /// @param level Reading level, 1-254: a pass reads every article at or below it.
    /// @param votingWeight Votes a pass carries; only lifetime tiers may have any.
    /// @param transferable False makes the pass soulbound.
    /// @param saleOpen Whether `purchase` is accepted.
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

    error MembershipPassUnknownTier(uint256 tierId);
    error MembershipPassTooManyTiers(uint256 maxTiers);
    error MembershipPassInvalidLevel(uint8 level);
    error MembershipPassVotingTierNotLifetime(uint32 duration, uint16 votingWeight);
    error MembershipPassVotingWeightLocked(uint256 tierId, uint16 current, uint16 requested);
    error MembershipPassSupplyBelowMinted(uint256 tierId, uint32 maxSupply, uint32 minted);
    error MembershipPassSaleClosed(uint256 tierId);
    error MembershipPassSoldOut(uint256 tierId, uint32 maxSupply);
    error MembershipPassWrongPayment(uint256 expected, uint256 sent);
    error MembershipPassTierAlreadyHeld(address holder, uint256 tierId, uint256 tokenId);
    error MembershipPassSoulbound(uint256 tokenId);
    error MembershipPassNotRenewable(uint256 tokenId);
    error MembershipPassInvalidRenewal(uint256 tokenId, uint64 duration, uint32 period);
    error MembershipPassInvalidReferralBps(uint16 bps);
    error MembershipPassInvalidTreasury(address treasury);
    error MembershipPassNothingOwed(address account);
    error MembershipPassPayoutFailed(address account, uint256 amount);

    event TierCreated(uint256 indexed tierId, TierConfig config);
    event TierUpdated(uint256 indexed tierId, TierConfig config);
    event PassPurchased(
        uint256 indexed tokenId, address indexed buyer, address indexed recipient, address referrer, uint256 paid
    );
    event ReferralCredited(address indexed referrer, uint256 amount);
    event ReferralBpsUpdated(uint16 bps);
    event TreasuryUpdated(address treasury);
    event Withdrawn(address indexed account, uint256 amount);

    /// @notice Most tiers there will ever be; bounds the cost of `hasAccess`.
    function MAX_TIERS() external view returns (uint256);

    /// @notice Creates a tier. Manager role only.
    function createTier(TierConfig calldata config) external returns (uint256 tierId);

    /// @notice Edits a tier. Manager role only. Voting weight cannot change once passes exist.
    function updateTier(uint256 tierId, TierConfig calldata config) external;

    /// @notice Buys one pass of `tierId` for `recipient` (a gift when it is not the caller).
    /// @dev Payable with exactly the tier's price. `referrer` (0 for none; the buyer and the
    /// recipient cannot refer themselves) earns `referralBps` of it; the rest is the treasury's.
    function purchase(uint256 tierId, address recipient, address referrer) external payable returns (uint256 tokenId);

    /// @notice True when `reader` holds an unexpired pass whose tier level is at least `minLevel`.
    function hasAccess(address reader, uint8 minLevel) external view returns (bool);

    /// @notice The pass `holder` holds in `tierId`, or 0.
    function passOf(address holder, uint256 tierId) external view returns (uint256 tokenId);

    /// @notice The tier a pass belongs to.
    function tierOf(uint256 tokenId) external pure returns (uint256 tierId);

    /// @notice A tier's configuration and how many passes it has minted.
    function tier(uint256 tierId) external view returns (TierConfig memory config, uint32 minted);

    /// @notice Number of tiers created so far (tier ids run from 1 to this).
    function tierCount() external view returns (uint256);

    /// @notice Wei `account` may withdraw now (referral earnings, plus sales for the treasury).
    function owed(address account) external view returns (uint256);

    /// @notice Sends `account` everything it is owed. Anyone may trigger it; funds go to `account`.
    function withdraw(address account) external returns (uint256 amount);

    /// @notice Basis points of each purchase earned by its referrer.
    function referralBps() external view returns (uint16);

    /// @notice Address that receives sales revenue net of referrals.
    function treasury() external view returns (address);
}
