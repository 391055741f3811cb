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

        pass.renewSubscription{value: uint256(READER_PRICE) * periods}(tokenId, uint64(periods) * MONTH);
        uint256 start = block.timestamp > expiry ? block.timestamp : expiry;
        _assertEq(pass.expiresAt(tokenId), start + uint256(periods) * MONTH, "new expiry");
        _assertTrue(pass.hasAccess(reader, 1), "renewed pass reads");
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
        referralBps = uint16(_bound(referralBps, 0, 5_000));
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
