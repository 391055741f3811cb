// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {IArticleEditions} from "../../contracts/interfaces/IArticleEditions.sol";
import {PublicationBase} from "./utils/PublicationBase.sol";

contract ArticleEditionsFuzzTest is PublicationBase {
    address internal referrer = _addr("referrer");

    function setUp() public {
        _deployPublication();
    }

    function testFuzz_collect_neverExceedsSupplyOrWalletCap(
        uint32 maxSupply,
        uint16 walletCap,
        uint256[8] memory quantities,
        uint8[8] memory collectors
    ) public {
        maxSupply = uint32(_bound(maxSupply, 0, 50));
        walletCap = uint16(_bound(walletCap, 0, 20));
        uint256 id = _publish(1 gwei, maxSupply, walletCap, 6_000, 3_000, 1_000);
        for (uint256 i; i < quantities.length; ++i) {
            address collector = _collector(collectors[i] % 3);
            uint256 quantity = _bound(quantities[i], 1, 30);
            try editions.collect{value: quantity * 1 gwei}(id, quantity, collector, address(0)) {} catch {}
            if (walletCap != 0) _assertLe(editions.balanceOf(collector, id), walletCap, "wallet cap");
        }
        (, IArticleEditions.Sale memory sale, , ) = editions.article(id);
        if (maxSupply != 0) _assertLe(sale.minted, maxSupply, "max supply");
        uint256 held;
        for (uint256 c; c < 3; ++c) {
            held += editions.balanceOf(_collector(uint8(c)), id);
        }
        _assertEq(held, sale.minted, "minted equals editions held");
    }

    function testFuzz_payouts_sumExactlyToWhatWasPaid(
        uint80 price,
        uint16 shareA,
        uint16 shareB,
        uint16 referralBps,
        uint16 plainQuantity,
        uint16 referredQuantity
    ) public {
        price = uint80(_bound(price, 0, 1_000 ether));
        shareA = uint16(_bound(shareA, 0, 10_000));
        shareB = uint16(_bound(shareB, 0, 10_000 - shareA));
        referralBps = uint16(_bound(referralBps, 0, 2_000));
        plainQuantity = uint16(_bound(plainQuantity, 0, 100));
        referredQuantity = uint16(_bound(referredQuantity, 0, 100));
        uint256 id = _publish(price, 0, 0, shareA, shareB, referralBps);
        address collector = _addr("collector");
        if (plainQuantity != 0)
            editions.collect{value: uint256(price) * plainQuantity}(id, plainQuantity, collector, address(0));
        if (referredQuantity != 0) {
            editions.collect{value: uint256(price) * referredQuantity}(id, referredQuantity, collector, referrer);
        }
        uint256 paid = uint256(price) * (uint256(plainQuantity) + referredQuantity);

        uint256 received =
            _withdrawAll(authorA, id) +
                _withdrawAll(authorB, id) +
                _withdrawAll(treasury, id) +
                _withdrawAll(referrer, id);
        _assertEq(received, paid, "payouts == paid");
        _assertEq(address(editions).balance, 0, "nothing left behind");
    }

    function _collector(uint8 index) private pure returns (address) {
        return _addr(string(abi.encodePacked("collector", index)));
    }

    function _withdrawAll(address account, uint256 id) private returns (uint256) {
        uint256[] memory ids = new uint256[](1);
        ids[0] = id;
        uint256 before = account.balance;
        if (editions.owed(account, ids) != 0) editions.withdraw(account, ids);
        return account.balance - before;
    }
}
