// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {ArticleEditions} from "../../../contracts/ArticleEditions.sol";
import {TestBase} from "../utils/TestBase.sol";

/// @dev Drives ArticleEditions with random collects (some beyond the per-call bound), transfers and
/// withdrawals (some listing an article twice) by a few actors, keeping ghost totals of what went
/// in and out, the most one call minted, and withdrawals that paid other than `owed` said.
contract EditionsHandler is TestBase {
    ArticleEditions internal immutable EDITIONS;
    address[] internal _actors;
    address[] internal _payees;
    uint256[] internal _articleIds;

    uint256 public paidIn;
    uint256 public paidOut;
    uint256 public mostMintedInOneCall;
    uint256 public withdrawMismatches;

    constructor(ArticleEditions editions, address[] memory actors, address[] memory payees, uint256[] memory ids) {
        EDITIONS = editions;
        _actors = actors;
        _payees = payees;
        _articleIds = ids;
    }

    function collect(uint256 articleSeed, uint256 quantity, uint256 actorSeed, uint256 referrerSeed) external {
        uint256 id = _articleIds[articleSeed % _articleIds.length];
        quantity = quantity % 8 == 0 ? _bound(quantity, 90, 200) : _bound(quantity, 1, 8);
        (, ArticleEditions.Sale memory sale, , ) = EDITIONS.article(id);
        uint256 cost = uint256(sale.price) * quantity;
        address referrer = referrerSeed % 3 == 0 ? address(0) : _actors[referrerSeed % _actors.length];
        vm.deal(address(this), cost);
        try EDITIONS.collect{value: cost}(id, quantity, _actors[actorSeed % _actors.length], referrer) {
            paidIn += cost;
            (, ArticleEditions.Sale memory after_, , ) = EDITIONS.article(id);
            uint256 minted = after_.minted - sale.minted;
            if (minted > mostMintedInOneCall) mostMintedInOneCall = minted;
        } catch {}
    }

    function transfer(uint256 articleSeed, uint256 fromSeed, uint256 toSeed, uint256 amount) external {
        uint256 id = _articleIds[articleSeed % _articleIds.length];
        address from = _actors[fromSeed % _actors.length];
        amount = _bound(amount, 0, EDITIONS.balanceOf(from, id));
        vm.prank(from);
        EDITIONS.safeTransferFrom(from, _actors[toSeed % _actors.length], id, amount, "");
    }

    function withdraw(uint256 payeeSeed, bool listTwice) external {
        address payee = _payees[payeeSeed % _payees.length];
        uint256[] memory ids = listTwice ? _twice(_articleIds) : _articleIds;
        uint256 reported = EDITIONS.owed(payee, ids);
        if (reported == 0) return;
        uint256 before = payee.balance;
        uint256 paid = EDITIONS.withdraw(payee, ids);
        if (paid != reported || payee.balance - before != reported) ++withdrawMismatches;
        paidOut += paid;
    }

    /// @dev Everything the contract owes right now, to every payee of every article.
    function totalOwed() external view returns (uint256 total) {
        for (uint256 i; i < _payees.length; ++i) {
            total += EDITIONS.owed(_payees[i], _articleIds);
        }
    }

    function articleIds() external view returns (uint256[] memory) {
        return _articleIds;
    }

    function _twice(uint256[] memory ids) private pure returns (uint256[] memory doubled) {
        doubled = new uint256[](ids.length * 2);
        for (uint256 i; i < ids.length; ++i) {
            doubled[i] = ids[i];
            doubled[ids.length + i] = ids[i];
        }
    }
}
