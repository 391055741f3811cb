// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

/// @title ERC-5643: Subscription NFTs
/// @dev Interface id 0x8c65f84d.
interface IERC5643 {
    /// @notice Emitted when a subscription's expiration changes (renewal or cancellation).
    event SubscriptionUpdate(uint256 indexed tokenId, uint64 expiration);

    /// @notice Extends the subscription of `tokenId` by `duration` seconds.
    function renewSubscription(uint256 tokenId, uint64 duration) external payable;

    /// @notice Ends the subscription of `tokenId` now.
    function cancelSubscription(uint256 tokenId) external payable;

    /// @notice The time the subscription of `tokenId` ends.
    function expiresAt(uint256 tokenId) external view returns (uint64);

    /// @notice Whether the subscription of `tokenId` can be renewed.
    function isRenewable(uint256 tokenId) external view returns (bool);
}
