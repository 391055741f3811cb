// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {DeskHandler} from "./handlers/DeskHandler.sol";
import {VotesHandler} from "./handlers/VotesHandler.sol";
import {GovernanceBase} from "./utils/GovernanceBase.sol";

contract GovernanceInvariantsTest is GovernanceBase {
    DeskHandler internal deskHandler;
    VotesHandler internal votesHandler;

    function setUp() public {
        address[] memory authors = new address[](2);
        authors[0] = authorA;
        authors[1] = authorB;
        address[] memory publishers = new address[](1);
        publishers[0] = editor;
        _deployGovernance(publishers);
        deskHandler = new DeskHandler(desk, editions, editor, guardian, authors);

        address[] memory actors = new address[](4);
        for (uint256 i; i < actors.length; ++i) {
            actors[i] = _addr(string(abi.encodePacked("voter", uint8(i))));
        }
        votesHandler = new VotesHandler(governor, pass, MEMBER_TIER, actors);
        _targetContract(address(deskHandler));
        _targetContract(address(votesHandler));
    }

    function invariant_deskBalanceEqualsEscrowedPlusOwed() public view {
        uint256 balance = address(desk).balance;
        _assertEq(balance, desk.escrowed() + desk.totalOwed(), "desk balance == escrowed + owed");
        _assertEq(desk.escrowed(), deskHandler.escrowedByStatus(), "escrowed == open and fulfilled bounties");
        _assertEq(desk.totalOwed(), deskHandler.owedToAuthors(), "owed == sum of authors' credit");
        _assertEq(deskHandler.paidIn(), deskHandler.paidOut() + balance, "paid in == out + held");
    }

    function invariant_noVoteCountsMoreThanWeightAtSnapshot() public view {
        _assertEq(votesHandler.wrongWeightVotes(), 0, "votes counted at other than snapshot weight");
        uint256[] memory ids = votesHandler.proposalIds();
        for (uint256 i; i < ids.length; ++i) {
            (uint256 against, uint256 for_, uint256 abstain) = governor.proposalVotes(ids[i]);
            uint256 tallied = against + for_ + abstain;
            _assertEq(tallied, votesHandler.weightCast(ids[i]), "tally == weights cast");
            uint256 snapshot = governor.proposalSnapshot(ids[i]);
            if (snapshot < block.timestamp)
                _assertLe(tallied, pass.getPastTotalSupply(snapshot), "tally <= votes at snapshot");
        }
    }
}
