// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

/// @dev The cheatcodes these tests use (forge-std is not installable from npm; see TOOLCHAIN.md).
// solhint-disable-next-line interface-starts-with-i
interface Vm {
    function warp(uint256 timestamp) external;
    function prank(address sender) external;
    function deal(address account, uint256 balance) external;
    function assume(bool condition) external pure;
}

/// @dev A minimal forge-std-like base: cheatcodes, `bound`, asserts that revert with a message, and
/// the `targetContracts` hook the invariant fuzzer reads.
abstract contract TestBase {
    // solhint-disable-next-line const-name-snakecase
    Vm internal constant vm = Vm(address(uint160(uint256(keccak256("hevm cheat code")))));

    address[] private _targets;

    function targetContracts() public view returns (address[] memory) {
        return _targets;
    }

    function _targetContract(address target) internal {
        _targets.push(target);
    }

    function _bound(uint256 x, uint256 min, uint256 max) internal pure returns (uint256) {
        // solhint-disable-next-line gas-custom-errors
        require(min <= max, "bound: min > max");
        if (x >= min && x <= max) return x;
        return min + (x % (max - min + 1));
    }

    function _addr(string memory name) internal pure returns (address) {
        return address(uint160(uint256(keccak256(bytes(name)))));
    }

    function _assertEq(uint256 a, uint256 b, string memory what) internal pure {
        if (a != b) revert(string.concat(what, ": ", _str(a), " != ", _str(b)));
    }

    function _assertLe(uint256 a, uint256 b, string memory what) internal pure {
        if (a > b) revert(string.concat(what, ": ", _str(a), " > ", _str(b)));
    }

    function _assertTrue(bool condition, string memory what) internal pure {
        if (!condition) revert(what);
    }

    function _str(uint256 value) private pure returns (string memory) {
        if (value == 0) return "0";
        bytes memory digits;
        while (value != 0) {
            digits = abi.encodePacked(bytes1(uint8(48 + (value % 10))), digits);
            value /= 10;
        }
        return string(digits);
    }
}
