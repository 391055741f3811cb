// SPDX-License-Identifier: MIT
// solhint-disable one-contract-per-file
pragma solidity ^0.8.28;

import {ERC1155} from "@openzeppelin/contracts/token/ERC1155/ERC1155.sol";
import {ERC721} from "@openzeppelin/contracts/token/ERC721/ERC721.sol";
import {ERC721Votes} from "@openzeppelin/contracts/token/ERC721/extensions/ERC721Votes.sol";
import {EIP712} from "@openzeppelin/contracts/utils/cryptography/EIP712.sol";

// Plain OpenZeppelin tokens with nothing added: the gas benchmark's baselines, measured in the
// same run as the publication's own operations. Not deployed anywhere else.

contract BaselineERC1155 is ERC1155("") {
    function mint(address to, uint256 id, uint256 amount) external payable {
        _mint(to, id, amount, "");
    }
}

contract BaselineERC721 is ERC721("Baseline", "B") {
    function mint(address to, uint256 tokenId) external payable {
        _mint(to, tokenId);
    }
}

contract BaselineERC721Votes is ERC721Votes {
    constructor() ERC721("Baseline votes", "BV") EIP712("Baseline votes", "1") {}

    /// @dev Self-delegates first, as MembershipPass does for its holders, so votes count.
    function mint(address to, uint256 tokenId) external payable {
        if (delegates(to) == address(0)) _delegate(to, to);
        _mint(to, tokenId);
    }
}
