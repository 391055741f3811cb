// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

/// @title ERC-7572: contract-level metadata via `contractURI()`
interface IERC7572 {
    /// @notice Emitted when the collection metadata URI changes.
    event ContractURIUpdated();

    /// @notice URI of the collection's metadata JSON.
    function contractURI() external view returns (string memory);
}
