// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {IAccessControl} from "@openzeppelin/contracts/access/IAccessControl.sol";
import {ICoverageDesk} from "../../contracts/interfaces/ICoverageDesk.sol";
import {GovernanceBase} from "./utils/GovernanceBase.sol";

contract GovernanceFuzzTest is GovernanceBase {
    function setUp() public {
        address[] memory publishers = new address[](1);
        publishers[0] = editor;
        _deployGovernance(publishers);
    }

    /// @dev Whoever calls, other than the timelock: no role grant, no treasury move, no commission.
    function testFuzz_onlyTimelockGrantsRolesOrMovesFunds(address caller, uint256 bounty) public {
        vm.assume(caller != address(timelock));
        bounty = _bound(bounty, 1, 100 ether);
        // Roles read before each prank: a prank applies to the next call, even a getter's.
        bytes32 admin = pass.DEFAULT_ADMIN_ROLE();
        bytes32 publisher = editions.PUBLISHER_ROLE();

        vm.prank(caller);
        (bool granted, bytes memory reason) = address(pass).call(abi.encodeCall(pass.grantRole, (admin, caller)));
        _assertDenied(granted, reason, caller, "pass.grantRole");
        vm.prank(caller);
        (granted, reason) = address(editions).call(abi.encodeCall(editions.grantRole, (publisher, caller)));
        _assertDenied(granted, reason, caller, "editions.grantRole");
        vm.prank(caller);
        (granted, reason) = address(pass).call(abi.encodeCall(pass.setTreasury, (caller)));
        _assertDenied(granted, reason, caller, "pass.setTreasury");
        vm.prank(caller);
        (granted, reason) = address(editions).call(abi.encodeCall(editions.setTreasury, (caller)));
        _assertDenied(granted, reason, caller, "editions.setTreasury");

        vm.deal(caller, bounty);
        vm.prank(caller);
        (bool commissioned, bytes memory deskReason) = address(desk).call{value: bounty}(
            abi.encodeCall(desk.commission, ("QmTopic", bounty, uint40(block.timestamp + 1 days)))
        );
        _assertTrue(!commissioned, "commission by a non-timelock");
        _assertTrue(
            keccak256(deskReason) ==
                keccak256(abi.encodeWithSelector(ICoverageDesk.CoverageDeskOnlyTimelock.selector, caller)),
            "CoverageDeskOnlyTimelock(caller)"
        );
        _assertEq(address(timelock).balance, 0, "treasury untouched");
        _assertTrue(pass.treasury() == address(timelock) && editions.treasury() == address(timelock), "treasury kept");
    }

    function _assertDenied(bool succeeded, bytes memory reason, address caller, string memory what) private view {
        _assertTrue(!succeeded, what);
        bytes memory expected = abi.encodeWithSelector(
            IAccessControl.AccessControlUnauthorizedAccount.selector,
            caller,
            pass.DEFAULT_ADMIN_ROLE()
        );
        _assertTrue(keccak256(reason) == keccak256(expected), string.concat(what, ": AccessControlUnauthorizedAccount"));
    }
}
