// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {CoverageGovernor} from "../../../contracts/CoverageGovernor.sol";
import {MembershipPass} from "../../../contracts/MembershipPass.sol";
import {TestBase} from "../utils/TestBase.sol";

/// @dev Drives the governor and the passes together: actors buy, transfer and burn member passes
/// while proposals are made and voted on, so weights move before and after each snapshot. Records
/// every vote whose counted weight differs from the voter's weight at the proposal's snapshot.
contract VotesHandler is TestBase {
    CoverageGovernor internal immutable GOVERNOR;
    MembershipPass internal immutable PASS;
    uint256 internal immutable MEMBER_TIER;
    address[] internal _actors;
    uint256[] internal _proposalIds;

    uint256 public wrongWeightVotes;
    mapping(uint256 proposalId => uint256) public weightCast;

    constructor(CoverageGovernor governor, MembershipPass pass, uint256 memberTier, address[] memory actors) {
        GOVERNOR = governor;
        PASS = pass;
        MEMBER_TIER = memberTier;
        _actors = actors;
    }

    function buy(uint256 actorSeed) external {
        (MembershipPass.TierConfig memory tier, , ) = PASS.tier(MEMBER_TIER);
        vm.deal(address(this), tier.price);
        try PASS.purchase{value: tier.price}(MEMBER_TIER, _actor(actorSeed), address(0)) {} catch {}
    }

    function transfer(uint256 fromSeed, uint256 toSeed) external {
        address from = _actor(fromSeed);
        uint256 tokenId = PASS.passOf(from, MEMBER_TIER);
        if (tokenId == 0) return;
        vm.prank(from);
        try PASS.transferFrom(from, _actor(toSeed), tokenId) {} catch {}
    }

    function burn(uint256 actorSeed) external {
        address holder = _actor(actorSeed);
        uint256 tokenId = PASS.passOf(holder, MEMBER_TIER);
        if (tokenId == 0) return;
        vm.prank(holder);
        PASS.burn(tokenId);
    }

    function propose() external {
        address[] memory targets = new address[](1);
        targets[0] = address(GOVERNOR);
        bytes[] memory calldatas = new bytes[](1);
        calldatas[0] = abi.encodeCall(GOVERNOR.setQuorumFloor, (uint208(_proposalIds.length)));
        _proposalIds.push(
            GOVERNOR.propose(
                targets,
                new uint256[](1),
                calldatas,
                string.concat("proposal ", _decimal(_proposalIds.length))
            )
        );
    }

    function vote(uint256 actorSeed, uint256 proposalSeed, uint8 support) external {
        if (_proposalIds.length == 0) return;
        uint256 proposalId = _proposalIds[proposalSeed % _proposalIds.length];
        address voter = _actor(actorSeed);
        vm.prank(voter);
        try GOVERNOR.castVote(proposalId, support % 3) returns (uint256 weight) {
            if (weight != PASS.getPastVotes(voter, GOVERNOR.proposalSnapshot(proposalId))) ++wrongWeightVotes;
            weightCast[proposalId] += weight;
        } catch {}
    }

    function wait(uint256 seconds_) external {
        vm.warp(block.timestamp + _bound(seconds_, 1, 200));
    }

    function proposalIds() external view returns (uint256[] memory) {
        return _proposalIds;
    }

    function _actor(uint256 seed) private view returns (address) {
        return _actors[seed % _actors.length];
    }

    function _decimal(uint256 value) private pure returns (string memory) {
        if (value == 0) return "0";
        bytes memory digits;
        while (value != 0) {
            digits = abi.encodePacked(bytes1(uint8(48 + (value % 10))), digits);
            value /= 10;
        }
        return string(digits);
    }
}
