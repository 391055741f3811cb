// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {MembershipPass} from "../../../contracts/MembershipPass.sol";
import {TestBase} from "../utils/TestBase.sol";

/// @dev Drives MembershipPass with random purchases, renewals, transfers, burns, reclaims,
/// delegations (opt-outs included), tier edits by the admin, and time, keeping ghost totals of what
/// went in and out and the terms each tier was first sold on.
contract PassHandler is TestBase {
    struct Terms {
        bool recorded;
        uint32 duration;
        uint8 level;
        uint16 votingWeight;
        bool transferable;
    }

    MembershipPass internal immutable PASS;
    address[] internal _actors;
    address internal immutable TREASURY;

    uint256 public paidIn;
    uint256 public paidOut;
    /// @dev Withdrawals that paid other than what `owed` reported just before.
    uint256 public withdrawMismatches;
    mapping(uint256 tierId => Terms) public soldTerms;

    constructor(MembershipPass pass, address[] memory actors_, address treasury) {
        PASS = pass;
        _actors = actors_;
        TREASURY = treasury;
    }

    function purchase(uint256 tierSeed, uint256 actorSeed, uint256 referrerSeed) external {
        uint256 tierId = _tier(tierSeed);
        (MembershipPass.TierConfig memory config, , ) = PASS.tier(tierId);
        address referrer = referrerSeed % 2 == 0 ? address(0) : _actor(referrerSeed);
        vm.deal(address(this), config.price);
        try PASS.purchase{value: config.price}(tierId, _actor(actorSeed), referrer) {
            paidIn += config.price;
            if (!soldTerms[tierId].recorded) {
                soldTerms[tierId] = Terms(
                    true,
                    config.duration,
                    config.level,
                    config.votingWeight,
                    config.transferable
                );
            }
        } catch {}
    }

    function renew(uint256 tierSeed, uint256 actorSeed, uint8 periods) external {
        uint256 tierId = _tier(tierSeed);
        uint256 tokenId = PASS.passOf(_actor(actorSeed), tierId);
        (MembershipPass.TierConfig memory config, , ) = PASS.tier(tierId);
        if (tokenId == 0 || config.duration == 0) return;
        periods = uint8(_bound(periods, 1, 30));
        uint256 cost = uint256(config.price) * periods;
        vm.deal(address(this), cost);
        try PASS.renewSubscription{value: cost}(tokenId, uint64(config.duration) * periods) {
            paidIn += cost;
        } catch {}
    }

    function cancel(uint256 tierSeed, uint256 actorSeed) external {
        address holder = _actor(actorSeed);
        uint256 tokenId = PASS.passOf(holder, _tier(tierSeed));
        if (tokenId == 0) return;
        vm.prank(holder);
        try PASS.cancelSubscription(tokenId) {} catch {}
    }

    function transfer(uint256 tierSeed, uint256 fromSeed, uint256 toSeed) external {
        address from = _actor(fromSeed);
        uint256 tokenId = PASS.passOf(from, _tier(tierSeed));
        if (tokenId == 0) return;
        vm.prank(from);
        try PASS.transferFrom(from, _actor(toSeed), tokenId) {} catch {}
    }

    function burn(uint256 tierSeed, uint256 actorSeed) external {
        address holder = _actor(actorSeed);
        uint256 tokenId = PASS.passOf(holder, _tier(tierSeed));
        if (tokenId == 0) return;
        vm.prank(holder);
        PASS.burn(tokenId);
    }

    function reclaimSeat(uint256 tierSeed, uint256 actorSeed) external {
        uint256 tokenId = PASS.passOf(_actor(actorSeed), _tier(tierSeed));
        if (tokenId == 0) return;
        try PASS.reclaimSeat(tokenId) {} catch {}
    }

    function delegate(uint256 actorSeed, uint256 toSeed) external {
        vm.prank(_actor(actorSeed));
        PASS.delegate(toSeed % 5 == 0 ? address(0) : _actor(toSeed));
    }

    /// @dev The admin tries new terms; once a tier has sold, only price, sale and a lower cap stick.
    function updateTier(
        uint256 tierSeed,
        uint96 price,
        uint32 duration,
        uint32 maxSupply,
        uint8 level,
        uint16 weight
    ) external {
        uint256 tierId = _tier(tierSeed);
        (MembershipPass.TierConfig memory config, , ) = PASS.tier(tierId);
        uint256 change = uint256(keccak256(abi.encode(price, duration, level, weight))) % 6;
        if (change == 0) config.price = uint96(_bound(price, 0, 1 ether));
        if (change == 1) config.duration = duration % 2 == 0 ? 0 : uint32(_bound(duration, 1 days, 365 days));
        if (change == 2) config.maxSupply = uint32(_bound(maxSupply, 0, 8));
        if (change == 3) config.level = uint8(_bound(level, 1, 254));
        if (change == 4) config.votingWeight = config.duration == 0 ? uint16(_bound(weight, 0, 10)) : 0;
        if (change == 5) config.transferable = !config.transferable;
        try PASS.updateTier(tierId, config) {} catch {}
    }

    function wait(uint32 seconds_) external {
        vm.warp(block.timestamp + _bound(seconds_, 1, 60 days));
    }

    function withdraw(uint256 payeeSeed) external {
        address payee = payeeSeed % 4 == 0 ? TREASURY : _actor(payeeSeed);
        uint256 reported = PASS.owed(payee);
        if (reported == 0) return;
        uint256 before = payee.balance;
        uint256 paid = PASS.withdraw(payee);
        if (paid != reported || payee.balance - before != reported) ++withdrawMismatches;
        paidOut += paid;
    }

    function actors() external view returns (address[] memory) {
        return _actors;
    }

    function _tier(uint256 seed) private view returns (uint256) {
        return 1 + (seed % PASS.tierCount());
    }

    function _actor(uint256 seed) private view returns (address) {
        return _actors[seed % _actors.length];
    }
}
