// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {PublicationBase} from "./utils/PublicationBase.sol";

contract MembershipPassFuzzTest is PublicationBase {
    address internal reader = _addr("reader");

    function setUp() public {
        _deployPublication();
    }

    function testFuzz_renew_extendsByWholePeriodsFromLaterOfNowAndExpiry(uint8 periods, uint32 wait) public {
        periods = uint8(_bound(periods, 1, 36));
        wait = uint32(_bound(wait, 0, 3 * 365 days));
        uint256 tokenId = pass.purchase{value: READER_PRICE}(READER_TIER, reader, address(0));
        uint256 expiry = pass.expiresAt(tokenId);
        vm.warp(block.timestamp + wait);

        uint256 start = block.timestamp > expiry ? block.timestamp : expiry;
        uint256 expected = start + uint256(periods) * MONTH;
        uint256 latest = block.timestamp + pass.MAX_PREPAID_PERIODS() * MONTH;
        try pass.renewSubscription{value: uint256(READER_PRICE) * periods}(tokenId, uint64(periods) * MONTH) {
            _assertLe(expected, latest, "a renewal past the prepaid bound must revert");
            _assertEq(pass.expiresAt(tokenId), expected, "new expiry");
            _assertTrue(pass.hasAccess(reader, 1), "renewed pass reads");
        } catch {
            _assertTrue(expected > latest, "a renewal within the prepaid bound must succeed");
            _assertEq(pass.expiresAt(tokenId), expiry, "a refused renewal changes nothing");
        }
    }

    function testFuzz_renew_neverPaysAheadBeyondTheBound(uint8[6] memory periods, uint32[6] memory waits) public {
        uint256 tokenId = pass.purchase{value: READER_PRICE}(READER_TIER, reader, address(0));
        for (uint256 i; i < periods.length; ++i) {
            vm.warp(block.timestamp + _bound(waits[i], 0, 90 days));
            uint256 count = _bound(periods[i], 1, 30);
            try pass.renewSubscription{value: READER_PRICE * count}(tokenId, uint64(count) * MONTH) {} catch {}
            _assertLe(pass.expiresAt(tokenId), block.timestamp + pass.MAX_PREPAID_PERIODS() * MONTH, "prepaid bound");
        }
    }

    function testFuzz_hasAccess_expiredPassNeverPasses(uint8 renewals, uint64 afterExpiry, uint8 minLevel) public {
        renewals = uint8(_bound(renewals, 0, 12));
        afterExpiry = uint64(_bound(afterExpiry, 0, 100 * 365 days));
        uint256 tokenId = pass.purchase{value: READER_PRICE}(READER_TIER, reader, address(0));
        if (renewals != 0) {
            pass.renewSubscription{value: uint256(READER_PRICE) * renewals}(tokenId, uint64(renewals) * MONTH);
        }
        vm.warp(pass.expiresAt(tokenId) + afterExpiry);
        _assertTrue(!pass.hasAccess(reader, minLevel), "an expired pass must never pass hasAccess");
    }

    function testFuzz_purchase_referralAndTreasuryShareExactlyWhatWasPaid(uint96 price, uint16 referralBps) public {
        price = uint96(_bound(price, 0, 1_000 ether));
        referralBps = uint16(_bound(referralBps, 0, 2_000));
        pass.setReferralBps(referralBps);
        pass.updateTier(READER_TIER, _tierConfig(price, MONTH, 1, 0));
        address referrer = _addr("referrer");
        pass.purchase{value: price}(READER_TIER, reader, referrer);
        _assertEq(pass.owed(referrer) + pass.owed(treasury), price, "referral + treasury == price");
        if (pass.owed(referrer) != 0) pass.withdraw(referrer);
        if (pass.owed(treasury) != 0) pass.withdraw(treasury);
        _assertEq(address(pass).balance, 0, "nothing left behind");
    }
}
