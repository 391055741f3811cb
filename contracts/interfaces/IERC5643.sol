// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

/// @title ERC-5643: Subscription NFTs
/// @notice A token whose access lapses at an expiration time and can be renewed or cancelled.
/// @dev Interface id 0x8c65f84d (`type(IERC5643).interfaceId`), reported by `supportsInterface`.
interface IERC5643 {
    /// @notice The subscription of `tokenId` now ends at `expiration` (0 once cancelled).
    /// @dev Emitted on every change of expiration: a new subscription, a renewal, a cancellation.
    event SubscriptionUpdate(uint256 indexed tokenId, uint64 expiration);

    /// @notice Extends the subscription of `tokenId` by `duration` seconds.
    /// @dev Requirements: the token exists and is renewable; the implementation decides the
    /// payment and which durations it accepts. Emits {SubscriptionUpdate}.
    function renewSubscription(uint256 tokenId, uint64 duration) external payable;

    /// @notice Ends the subscription of `tokenId` now.
    /// @dev Requirements: the token exists; the caller is its owner or approved. Emits
    /// {SubscriptionUpdate} with expiration 0 when the expiration changes.
    function cancelSubscription(uint256 tokenId) external payable;

    /// @notice The time the subscription of `tokenId` ends (0 when it never began or was cancelled).
    /// @dev Requirements: the token exists.
    function expiresAt(uint256 tokenId) external view returns (uint64);

    /// @notice Whether the subscription of `tokenId` can be renewed.
    /// @dev Requirements: the token exists.
    function isRenewable(uint256 tokenId) external view returns (bool);
}
