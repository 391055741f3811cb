// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

/// @title ERC-7572: contract-level metadata via `contractURI()`
/// @notice The collection's name, description and image for marketplaces, as a JSON document.
interface IERC7572 {
    /// @notice The collection metadata changed: marketplaces should read {contractURI} again.
    /// @dev Emitted whenever the URI is set after deployment.
    event ContractURIUpdated();

    /// @notice URI of the collection's metadata JSON (empty when none was set).
    function contractURI() external view returns (string memory);
}
