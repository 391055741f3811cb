// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {TimelockController} from "@openzeppelin/contracts/governance/TimelockController.sol";
import {CoverageDesk} from "../../../contracts/CoverageDesk.sol";
import {CoverageGovernor} from "../../../contracts/CoverageGovernor.sol";
import {ICoverageGovernor} from "../../../contracts/interfaces/ICoverageGovernor.sol";
import {PublicationBase} from "./PublicationBase.sol";

/// @dev The governed publication as scripts/deploy/deployGovernedPublication.ts leaves it: the
/// timelock is treasury and sole admin, the governor alone proposes, cancels and executes through
/// it, and the given publishers keep their role. Short local durations.
abstract contract GovernanceBase is PublicationBase {
    uint256 internal constant TIMELOCK_DELAY = 60;
    uint256 internal constant CHALLENGE_WINDOW = 300;
    uint48 internal constant VOTING_DELAY = 60;
    uint32 internal constant VOTING_PERIOD = 300;

    address internal guardian = _addr("guardian");
    address internal editor = _addr("editor");
    TimelockController internal timelock;
    CoverageGovernor internal governor;
    CoverageDesk internal desk;

    function _deployGovernance(address[] memory publishers) internal {
        _deployPublication();
        timelock = new TimelockController(TIMELOCK_DELAY, new address[](0), new address[](0), address(this));
        governor = new CoverageGovernor(
            pass,
            timelock,
            ICoverageGovernor.GovernorConfig({
                votingDelay: VOTING_DELAY,
                votingPeriod: VOTING_PERIOD,
                proposalThreshold: 0,
                quorumNumerator: 10,
                quorumFloor: 4,
                lateQuorumExtension: 60,
                proposalGuardian: guardian
            })
        );
        desk = new CoverageDesk(payable(address(timelock)), governor, editions, CHALLENGE_WINDOW);

        pass.setTreasury(address(timelock));
        editions.setTreasury(address(timelock));
        for (uint256 i; i < publishers.length; ++i) {
            editions.grantRole(editions.PUBLISHER_ROLE(), publishers[i]);
        }
        timelock.grantRole(timelock.PROPOSER_ROLE(), address(governor));
        timelock.grantRole(timelock.CANCELLER_ROLE(), address(governor));
        timelock.grantRole(timelock.EXECUTOR_ROLE(), address(governor));
        pass.grantRole(pass.DEFAULT_ADMIN_ROLE(), address(timelock));
        editions.grantRole(editions.DEFAULT_ADMIN_ROLE(), address(timelock));
        pass.renounceRole(pass.MANAGER_ROLE(), address(this));
        pass.renounceRole(pass.DEFAULT_ADMIN_ROLE(), address(this));
        editions.renounceRole(editions.DEFAULT_ADMIN_ROLE(), address(this));
        timelock.renounceRole(timelock.DEFAULT_ADMIN_ROLE(), address(this));
    }
}
