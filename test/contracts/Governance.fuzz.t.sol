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
        try pass.grantRole(admin, caller) {
            _assertTrue(false, "pass.grantRole by a non-timelock");
        } catch (bytes memory reason) {
            _assertDenied(reason, caller);
        }
        vm.prank(caller);
        try editions.grantRole(publisher, caller) {
            _assertTrue(false, "editions.grantRole by a non-timelock");
        } catch (bytes memory reason) {
            _assertDenied(reason, caller);
        }
        vm.prank(caller);
        try pass.setTreasury(caller) {
            _assertTrue(false, "pass.setTreasury by a non-timelock");
        } catch (bytes memory reason) {
            _assertDenied(reason, caller);
        }
        vm.prank(caller);
        try editions.setTreasury(caller) {
            _assertTrue(false, "editions.setTreasury by a non-timelock");
        } catch (bytes memory reason) {
            _assertDenied(reason, caller);
        }
        vm.deal(caller, bounty);
        vm.prank(caller);
        try desk.commission{value: bounty}(keccak256("topic"), bounty, uint40(block.timestamp + 1 days)) {
            _assertTrue(false, "commission by a non-timelock");
        } catch (bytes memory reason) {
            _assertTrue(
                keccak256(reason) ==
                    keccak256(abi.encodeWithSelector(ICoverageDesk.CoverageDeskOnlyTimelock.selector, caller)),
                "CoverageDeskOnlyTimelock(caller)"
            );
        }
        _assertEq(address(timelock).balance, 0, "treasury untouched");
        _assertTrue(pass.treasury() == address(timelock) && editions.treasury() == address(timelock), "treasury kept");
    }

    function _assertDenied(bytes memory reason, address caller) private view {
        bytes memory expected = abi.encodeWithSelector(
            IAccessControl.AccessControlUnauthorizedAccount.selector,
            caller,
            pass.DEFAULT_ADMIN_ROLE()
        );
        _assertTrue(keccak256(reason) == keccak256(expected), "AccessControlUnauthorizedAccount(caller, admin)");
    }
}
