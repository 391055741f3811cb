// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {IArticleEditions} from "../../contracts/interfaces/IArticleEditions.sol";
import {EditionsHandler} from "./handlers/EditionsHandler.sol";
import {PassHandler} from "./handlers/PassHandler.sol";
import {PublicationBase} from "./utils/PublicationBase.sol";

contract PublicationInvariantsTest is PublicationBase {
    EditionsHandler internal editionsHandler;
    PassHandler internal passHandler;

    function setUp() public {
        _deployPublication();
        address[] memory actors = new address[](4);
        for (uint256 i; i < actors.length; ++i) {
            actors[i] = _addr(string(abi.encodePacked("actor", uint8(i))));
        }

        uint256[] memory ids = new uint256[](3);
        ids[0] = _publish(7, 0, 0, 6_000, 3_000, 1_000); // odd price: every split rounds
        ids[1] = _publish(1 gwei + 3, 20, 3, 3_333, 3_333, 2_500); // small supply and wallet cap
        ids[2] = _publish(0.001 ether, 0, 0, 10_000, 0, 5_000);
        address[] memory payees = new address[](actors.length + 3);
        payees[0] = authorA;
        payees[1] = authorB;
        payees[2] = treasury;
        for (uint256 i; i < actors.length; ++i) {
            payees[3 + i] = actors[i];
        }
        editionsHandler = new EditionsHandler(editions, actors, payees, ids);
        passHandler = new PassHandler(pass, actors, treasury);
        _targetContract(address(editionsHandler));
        _targetContract(address(passHandler));
    }

    function invariant_editionsBalanceEqualsEverythingOwed() public view {
        _assertEq(address(editions).balance, editionsHandler.totalOwed(), "editions balance == owed");
        _assertEq(
            editionsHandler.paidIn(), editionsHandler.paidOut() + address(editions).balance, "paid in == out + held"
        );
    }

    function invariant_passBalanceCoversEverythingOwed() public view {
        address[] memory actors = passHandler.actors();
        uint256 owed = pass.owed(treasury);
        for (uint256 i; i < actors.length; ++i) {
            owed += pass.owed(actors[i]);
        }
        _assertEq(address(pass).balance, owed, "pass balance == owed");
        _assertEq(passHandler.paidIn(), passHandler.paidOut() + address(pass).balance, "paid in == out + held");
    }

    function invariant_totalVotesEqualMemberPassWeights() public view {
        (, uint32 members) = pass.tier(MEMBER_TIER);
        address[] memory actors = passHandler.actors();
        uint256 votes;
        for (uint256 i; i < actors.length; ++i) {
            uint256 actorVotes = pass.getVotes(actors[i]);
            votes += actorVotes;
            // Each actor's votes are the weight held by the actors who delegate to it.
            uint256 delegatedToActor;
            for (uint256 j; j < actors.length; ++j) {
                bool holdsMember = pass.passOf(actors[j], MEMBER_TIER) != 0;
                if (holdsMember && pass.delegates(actors[j]) == actors[i]) delegatedToActor += MEMBER_WEIGHT;
            }
            _assertEq(actorVotes, delegatedToActor, "votes == weight delegated to the actor");
        }
        // Every holder is self-delegated on receipt and only delegates among actors.
        _assertEq(votes, uint256(members) * MEMBER_WEIGHT, "total votes == weight of member passes");
    }

    function invariant_mintedNeverExceedsMaxSupply() public view {
        uint256[] memory ids = editionsHandler.articleIds();
        for (uint256 i; i < ids.length; ++i) {
            (, IArticleEditions.Sale memory sale,,) = editions.article(ids[i]);
            if (sale.maxSupply != 0) _assertLe(sale.minted, sale.maxSupply, "minted <= max supply");
        }
    }

    function invariant_expiredPassesNeverRead() public view {
        address[] memory actors = passHandler.actors();
        for (uint256 i; i < actors.length; ++i) {
            uint256 tokenId = pass.passOf(actors[i], READER_TIER);
            bool active = tokenId != 0 && pass.expiresAt(tokenId) > block.timestamp;
            bool member = pass.passOf(actors[i], MEMBER_TIER) != 0;
            _assertTrue(pass.hasAccess(actors[i], 1) == (active || member), "hasAccess matches pass state");
        }
    }
}
