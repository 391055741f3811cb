// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {MembershipPass} from "../../../contracts/MembershipPass.sol";
import {TestBase} from "../utils/TestBase.sol";

/// @dev Drives MembershipPass with random purchases, renewals, transfers, delegations and time,
/// keeping ghost totals of what went in and out.
contract PassHandler is TestBase {
    MembershipPass internal immutable _pass;
    address[] internal _actors;
    address internal immutable _treasury;

    uint256 public paidIn;
    uint256 public paidOut;

    constructor(MembershipPass pass, address[] memory actors_, address treasury) {
        _pass = pass;
        _actors = actors_;
        _treasury = treasury;
    }

    function purchase(uint256 tierSeed, uint256 actorSeed, uint256 referrerSeed) external {
        uint256 tierId = 1 + tierSeed % _pass.tierCount();
        (MembershipPass.TierConfig memory config,) = _pass.tier(tierId);
        address referrer = referrerSeed % 2 == 0 ? address(0) : _actor(referrerSeed);
        vm.deal(address(this), config.price);
        try _pass.purchase{value: config.price}(tierId, _actor(actorSeed), referrer) {
            paidIn += config.price;
        } catch {}
    }

    function renew(uint256 tierSeed, uint256 actorSeed, uint8 periods) external {
        uint256 tierId = 1 + tierSeed % _pass.tierCount();
        uint256 tokenId = _pass.passOf(_actor(actorSeed), tierId);
        (MembershipPass.TierConfig memory config,) = _pass.tier(tierId);
        if (tokenId == 0 || config.duration == 0) return;
        periods = uint8(_bound(periods, 1, 12));
        uint256 cost = uint256(config.price) * periods;
        vm.deal(address(this), cost);
        _pass.renewSubscription{value: cost}(tokenId, uint64(config.duration) * periods);
        paidIn += cost;
    }

    function transfer(uint256 tierSeed, uint256 fromSeed, uint256 toSeed) external {
        uint256 tierId = 1 + tierSeed % _pass.tierCount();
        address from = _actor(fromSeed);
        uint256 tokenId = _pass.passOf(from, tierId);
        if (tokenId == 0) return;
        vm.prank(from);
        try _pass.transferFrom(from, _actor(toSeed), tokenId) {} catch {}
    }

    function delegate(uint256 actorSeed, uint256 toSeed) external {
        vm.prank(_actor(actorSeed));
        _pass.delegate(_actor(toSeed));
    }

    function wait(uint32 seconds_) external {
        vm.warp(block.timestamp + _bound(seconds_, 1, 60 days));
    }

    function withdraw(uint256 payeeSeed) external {
        address payee = payeeSeed % 4 == 0 ? _treasury : _actor(payeeSeed);
        if (_pass.owed(payee) == 0) return;
        paidOut += _pass.withdraw(payee);
    }

    function actors() external view returns (address[] memory) {
        return _actors;
    }

    function _actor(uint256 seed) private view returns (address) {
        return _actors[seed % _actors.length];
    }
}
