// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {ArticleEditions} from "../../../contracts/ArticleEditions.sol";
import {TestBase} from "../utils/TestBase.sol";

/// @dev Drives ArticleEditions with random collects, transfers and withdrawals by a few actors,
/// keeping ghost totals of what went in and out.
contract EditionsHandler is TestBase {
    ArticleEditions internal immutable _editions;
    address[] internal _actors;
    address[] internal _payees;
    uint256[] internal _articleIds;

    uint256 public paidIn;
    uint256 public paidOut;

    constructor(ArticleEditions editions, address[] memory actors, address[] memory payees, uint256[] memory ids) {
        _editions = editions;
        _actors = actors;
        _payees = payees;
        _articleIds = ids;
    }

    function collect(uint256 articleSeed, uint256 quantity, uint256 actorSeed, uint256 referrerSeed) external {
        uint256 id = _articleIds[articleSeed % _articleIds.length];
        quantity = _bound(quantity, 1, 8);
        (, ArticleEditions.Sale memory sale,,) = _editions.article(id);
        uint256 cost = uint256(sale.price) * quantity;
        address referrer = referrerSeed % 3 == 0 ? address(0) : _actors[referrerSeed % _actors.length];
        vm.deal(address(this), cost);
        try _editions.collect{value: cost}(id, quantity, _actors[actorSeed % _actors.length], referrer) {
            paidIn += cost;
        } catch {}
    }

    function transfer(uint256 articleSeed, uint256 fromSeed, uint256 toSeed, uint256 amount) external {
        uint256 id = _articleIds[articleSeed % _articleIds.length];
        address from = _actors[fromSeed % _actors.length];
        amount = _bound(amount, 0, _editions.balanceOf(from, id));
        vm.prank(from);
        _editions.safeTransferFrom(from, _actors[toSeed % _actors.length], id, amount, "");
    }

    function withdraw(uint256 payeeSeed) external {
        address payee = _payees[payeeSeed % _payees.length];
        if (_editions.owed(payee, _articleIds) == 0) return;
        paidOut += _editions.withdraw(payee, _articleIds);
    }

    /// @dev Everything the contract owes right now, to every payee of every article.
    function totalOwed() external view returns (uint256 total) {
        for (uint256 i; i < _payees.length; ++i) {
            total += _editions.owed(_payees[i], _articleIds);
        }
    }

    function articleIds() external view returns (uint256[] memory) {
        return _articleIds;
    }
}
