// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {IArticleEditions} from "../../contracts/interfaces/IArticleEditions.sol";
import {IMembershipPass} from "../../contracts/interfaces/IMembershipPass.sol";
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
        ids[1] = _publish(1 gwei + 3, 20, 3, 3_333, 3_333, 2_000); // small supply and wallet cap
        ids[2] = _publish(0.001 ether, 0, 0, 10_000, 0, 1_500);
        address[] memory payees = new address[](actors.length + 3);
        payees[0] = authorA;
        payees[1] = authorB;
        payees[2] = treasury;
        for (uint256 i; i < actors.length; ++i) {
            payees[3 + i] = actors[i];
        }
        editionsHandler = new EditionsHandler(editions, actors, payees, ids);
        passHandler = new PassHandler(pass, actors, treasury);
        // The handler also plays the admin, trying to change terms of tiers that have sold.
        pass.grantRole(pass.DEFAULT_ADMIN_ROLE(), address(passHandler));
        pass.grantRole(pass.MANAGER_ROLE(), address(passHandler));
        _targetContract(address(editionsHandler));
        _targetContract(address(passHandler));
    }

    function invariant_editionsBalanceEqualsEverythingOwed() public view {
        _assertEq(address(editions).balance, editionsHandler.totalOwed(), "editions balance == owed");
        _assertEq(
            editionsHandler.paidIn(),
            editionsHandler.paidOut() + address(editions).balance,
            "paid in == out + held"
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

    /// @dev Any tier may become a voting one before its first sale (the handler edits terms), so
    /// every tier's weight counts.
    function invariant_totalVotesEqualVotingPassWeights() public view {
        address[] memory actors = passHandler.actors();
        uint256 votes;
        uint256 delegatedWeight;
        for (uint256 i; i < actors.length; ++i) {
            uint256 actorVotes = pass.getVotes(actors[i]);
            votes += actorVotes;
            if (pass.delegates(actors[i]) != address(0)) delegatedWeight += _weightHeldBy(actors[i]);
            // Each actor's votes are the weight held by the actors who delegate to it.
            uint256 delegatedToActor;
            for (uint256 j; j < actors.length; ++j) {
                if (pass.delegates(actors[j]) == actors[i]) delegatedToActor += _weightHeldBy(actors[j]);
            }
            _assertEq(actorVotes, delegatedToActor, "votes == weight delegated to the actor");
        }
        uint256 heldWeight;
        for (uint256 i; i < actors.length; ++i) {
            heldWeight += _weightHeldBy(actors[i]);
        }
        uint256 existingWeight;
        for (uint256 tierId = 1; tierId <= pass.tierCount(); ++tierId) {
            (IMembershipPass.TierConfig memory config, , uint32 seats) = pass.tier(tierId);
            existingWeight += uint256(seats) * config.votingWeight;
        }
        _assertEq(heldWeight, existingWeight, "weight held == weight of existing voting passes");
        // Holders delegate among actors or to nobody (an opt-out), never elsewhere.
        _assertEq(votes, delegatedWeight, "total votes == weight of delegated voting passes");
    }

    function _weightHeldBy(address holder) private view returns (uint256 weight) {
        for (uint256 tierId = 1; tierId <= pass.tierCount(); ++tierId) {
            (IMembershipPass.TierConfig memory config, , ) = pass.tier(tierId);
            if (pass.passOf(holder, tierId) != 0) weight += config.votingWeight;
        }
    }

    function invariant_soldTierTermsNeverChange() public view {
        for (uint256 tierId = 1; tierId <= pass.tierCount(); ++tierId) {
            (bool sold, uint32 duration, uint8 level, uint16 weight, bool transferable) = passHandler.soldTerms(tierId);
            if (!sold) continue;
            (IMembershipPass.TierConfig memory config, , ) = pass.tier(tierId);
            _assertEq(config.duration, duration, "sold duration");
            _assertEq(config.level, level, "sold level");
            _assertEq(config.votingWeight, weight, "sold voting weight");
            _assertTrue(config.transferable == transferable, "sold transferability");
        }
    }

    function invariant_seatsNeverExceedSupplyCap() public view {
        for (uint256 tierId = 1; tierId <= pass.tierCount(); ++tierId) {
            (IMembershipPass.TierConfig memory config, uint32 minted, uint32 seats) = pass.tier(tierId);
            _assertLe(seats, minted, "seats <= minted");
            if (config.maxSupply != 0) _assertLe(seats, config.maxSupply, "seats <= supply cap");
        }
    }

    function invariant_noCallMintsMoreThanTheBound() public view {
        _assertLe(editionsHandler.mostMintedInOneCall(), editions.MAX_PER_COLLECT(), "editions minted in one call");
    }

    function invariant_everyWithdrawPaysWhatOwedReported() public view {
        _assertEq(editionsHandler.withdrawMismatches(), 0, "editions withdraw == owed");
        _assertEq(passHandler.withdrawMismatches(), 0, "pass withdraw == owed");
    }

    function invariant_noSurplusWithoutForcedEth() public view {
        _assertEq(editions.surplus(), 0, "editions surplus");
    }

    function invariant_mintedNeverExceedsMaxSupply() public view {
        uint256[] memory ids = editionsHandler.articleIds();
        for (uint256 i; i < ids.length; ++i) {
            (, IArticleEditions.Sale memory sale, , ) = editions.article(ids[i]);
            if (sale.maxSupply != 0) _assertLe(sale.minted, sale.maxSupply, "minted <= max supply");
        }
    }

    function invariant_expiredPassesNeverRead() public view {
        address[] memory actors = passHandler.actors();
        for (uint256 i; i < actors.length; ++i) {
            bool live;
            for (uint256 tierId = 1; tierId <= pass.tierCount(); ++tierId) {
                uint256 tokenId = pass.passOf(actors[i], tierId);
                if (tokenId != 0 && pass.expiresAt(tokenId) > block.timestamp) live = true;
            }
            _assertTrue(pass.hasAccess(actors[i], 1) == live, "hasAccess matches pass state");
        }
    }
}
