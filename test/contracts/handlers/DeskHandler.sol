// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {ArticleEditions} from "../../../contracts/ArticleEditions.sol";
import {CoverageDesk} from "../../../contracts/CoverageDesk.sol";
import {IArticleEditions} from "../../../contracts/interfaces/IArticleEditions.sol";
import {ICoverageDesk} from "../../../contracts/interfaces/ICoverageDesk.sol";
import {TestBase} from "../utils/TestBase.sol";

/// @dev Drives CoverageDesk through random commissions (as the timelock), fulfilments with newly
/// published articles (as an editor), rejections (as the
/// guardian), settlements, expiries, withdrawals and the passing of time, keeping ghost totals of
/// the wei that went in and out.
contract DeskHandler is TestBase {
    CoverageDesk internal immutable DESK;
    ArticleEditions internal immutable EDITIONS;
    address internal immutable TIMELOCK;
    address internal immutable EDITOR;
    address internal immutable GUARDIAN;
    address[] internal _authors;

    uint256 public paidIn;
    uint256 public paidOut;

    constructor(
        CoverageDesk desk,
        ArticleEditions editions,
        address editor,
        address guardian,
        address[] memory authors
    ) {
        DESK = desk;
        EDITIONS = editions;
        TIMELOCK = desk.TIMELOCK();
        EDITOR = editor;
        GUARDIAN = guardian;
        _authors = authors;
    }

    function commission(uint256 bounty, uint256 lifetime) external {
        bounty = _bound(bounty, 1, 100 ether);
        uint40 deadline = uint40(block.timestamp + _bound(lifetime, 1, 2 days));
        vm.deal(TIMELOCK, bounty);
        vm.prank(TIMELOCK);
        DESK.commission{value: bounty}(keccak256("topic"), bounty, deadline);
        paidIn += bounty;
    }

    function fulfil(uint256 commissionSeed, uint16 shareA, uint16 shareB) external {
        uint256 id = _someCommission(commissionSeed);
        if (id == 0) return;
        shareA = uint16(_bound(shareA, 1, 9_000));
        shareB = uint16(_bound(shareB, 0, 10_000 - shareA));
        uint256 articleId = _publish(shareA, shareB);
        vm.prank(EDITOR);
        try DESK.fulfil(id, articleId) {} catch {}
    }

    function reject(uint256 commissionSeed) external {
        uint256 id = _someCommission(commissionSeed);
        if (id == 0) return;
        vm.prank(GUARDIAN);
        try DESK.reject(id) {} catch {}
    }

    function settle(uint256 commissionSeed) external {
        uint256 id = _someCommission(commissionSeed);
        if (id == 0) return;
        try DESK.settle(id) {} catch {}
    }

    function expire(uint256 commissionSeed) external {
        uint256 id = _someCommission(commissionSeed);
        if (id == 0) return;
        uint256 bounty = DESK.commissionOf(id).bounty;
        try DESK.expire(id) {
            paidOut += bounty;
        } catch {}
    }

    function withdraw(uint256 authorSeed) external {
        address author = _authors[authorSeed % _authors.length];
        if (DESK.owed(author) == 0) return;
        paidOut += DESK.withdraw(author);
    }

    function wait(uint256 seconds_) external {
        vm.warp(block.timestamp + _bound(seconds_, 1, 1 days));
    }

    /// @dev Sum over commissions of the bounties still Open or Fulfilled.
    function escrowedByStatus() external view returns (uint256 total) {
        uint256 count = DESK.commissionCount();
        for (uint256 id = 1; id <= count; ++id) {
            ICoverageDesk.Commission memory c = DESK.commissionOf(id);
            if (c.status == ICoverageDesk.Status.Open || c.status == ICoverageDesk.Status.Fulfilled) total += c.bounty;
        }
    }

    function owedToAuthors() external view returns (uint256 total) {
        for (uint256 i; i < _authors.length; ++i) {
            total += DESK.owed(_authors[i]);
        }
    }

    function _someCommission(uint256 seed) private view returns (uint256) {
        uint256 count = DESK.commissionCount();
        return count == 0 ? 0 : 1 + (seed % count);
    }

    function _publish(uint16 shareA, uint16 shareB) private returns (uint256) {
        uint256 count = shareB == 0 ? 1 : 2;
        IArticleEditions.Payee[] memory authors = new IArticleEditions.Payee[](count);
        authors[0] = IArticleEditions.Payee(_authors[0], shareA);
        if (count == 2) authors[1] = IArticleEditions.Payee(_authors[1], shareB);
        vm.prank(EDITOR);
        return
            EDITIONS.publish(
                IArticleEditions.PublishParams({
                    uri: "ipfs://article",
                    price: 1 gwei,
                    maxSupply: 0,
                    saleStart: 0,
                    saleEnd: 0,
                    walletCap: 0,
                    premiumLevel: 0,
                    royaltyReceiver: _authors[0],
                    royaltyBps: 0,
                    authors: authors,
                    treasuryBps: 10_000 - shareA - shareB,
                    referralBps: 0
                })
            );
    }
}
