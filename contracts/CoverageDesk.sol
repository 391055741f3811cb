// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {GovernorProposalGuardian} from "@openzeppelin/contracts/governance/extensions/GovernorProposalGuardian.sol";
import {IAccessControl} from "@openzeppelin/contracts/access/IAccessControl.sol";
import {ArticleEditions} from "./ArticleEditions.sol";
import {IArticleEditions} from "./interfaces/IArticleEditions.sol";
import {ICoverageDesk} from "./interfaces/ICoverageDesk.sol";

/// @title CoverageDesk
/// @notice Escrows the bounties of coverage the DAO commissions and pays them to the authors of
/// the article that fulfils each one (see {ICoverageDesk}).
/// @dev Editors are ArticleEditions publishers: the people governance already trusts to publish,
/// appointed and removed in one place. The challengers are the governor's proposal guardian (read
/// live, so when governance replaces the guardian the desk follows) and the timelock itself.
contract CoverageDesk is ICoverageDesk {
    /// @notice The timelock: the only account that commissions, and where expired bounties return.
    address payable public immutable TIMELOCK;
    /// @notice The governor whose proposal guardian may reject fulfilments.
    GovernorProposalGuardian public immutable GOVERNOR;
    /// @notice The articles that fulfil commissions, and whose publishers are the editors.
    IArticleEditions public immutable EDITIONS;

    uint256 private immutable _CHALLENGE_WINDOW;
    /// @dev ArticleEditions' publisher role, read from it once so the two never disagree.
    bytes32 private immutable _EDITOR_ROLE;

    /// Storage layout, chosen for gas: a commission is one slot (bounty 96 | deadline 40 |
    /// challengeEndsAt 40 | articleId 32 | firstArticleId 32 | status 8 = 248 bits), and the
    /// desk's totals another (count 64 | escrowed 96 | owed 96), so each step writes two slots
    /// plus, at settlement, one per author. Sums of wei fit 96 bits: all ETH or KAIA ever is less.
    struct Totals {
        uint64 commissionCount;
        uint96 escrowed;
        uint96 owed;
    }

    mapping(uint256 commissionId => Commission) private _commissions;
    mapping(address author => uint256) private _owed;
    Totals private _totals;

    constructor(
        address payable timelock,
        GovernorProposalGuardian governor,
        IArticleEditions editions,
        uint256 challengeWindow_
    ) {
        TIMELOCK = timelock;
        GOVERNOR = governor;
        EDITIONS = editions;
        _CHALLENGE_WINDOW = challengeWindow_;
        _EDITOR_ROLE = ArticleEditions(address(editions)).PUBLISHER_ROLE();
    }

    // ----- the commission's life -----

    /// @inheritdoc ICoverageDesk
    function commission(
        bytes32 topic,
        uint256 bounty,
        uint40 deadline
    ) external payable returns (uint256 commissionId) {
        if (msg.sender != TIMELOCK) revert CoverageDeskOnlyTimelock(msg.sender);
        // The bounty is named as well as sent, so the proposal reads as what it pays.
        if (bounty == 0 || bounty != msg.value || bounty > type(uint96).max)
            revert CoverageDeskInvalidBounty(msg.value);
        if (topic == 0) revert CoverageDeskEmptyTopic();
        if (deadline <= block.timestamp) revert CoverageDeskInvalidDeadline(deadline, block.timestamp);

        Totals memory totals = _totals;
        commissionId = totals.commissionCount + 1;
        _commissions[commissionId] = Commission({
            bounty: uint96(bounty),
            deadline: deadline,
            challengeEndsAt: 0,
            articleId: 0,
            firstArticleId: uint32(EDITIONS.articleCount() + 1),
            status: Status.Open
        });
        _totals = Totals(uint64(commissionId), totals.escrowed + uint96(bounty), totals.owed);
        emit CommissionCreated(commissionId, topic, bounty, deadline);
    }

    /// @inheritdoc ICoverageDesk
    function fulfil(uint256 commissionId, uint256 articleId) external {
        if (!IAccessControl(address(EDITIONS)).hasRole(_EDITOR_ROLE, msg.sender)) {
            revert CoverageDeskNotEditor(msg.sender);
        }
        Commission storage c = _commissionIn(commissionId, Status.Open);
        if (block.timestamp >= c.deadline) revert CoverageDeskPastDeadline(commissionId, c.deadline);
        if (articleId < c.firstArticleId || articleId > EDITIONS.articleCount()) {
            revert CoverageDeskIneligibleArticle(commissionId, articleId, c.firstArticleId);
        }
        IArticleEditions.Payee[] memory authors = EDITIONS.authorsOf(articleId);
        if (authors.length == 0) revert CoverageDeskArticleWithoutAuthors(articleId);

        uint40 challengeEndsAt = uint40(block.timestamp + _CHALLENGE_WINDOW);
        c.status = Status.Fulfilled;
        c.articleId = uint32(articleId);
        c.challengeEndsAt = challengeEndsAt;
        emit CommissionFulfilled(commissionId, articleId, msg.sender, challengeEndsAt);
    }

    /// @inheritdoc ICoverageDesk
    function reject(uint256 commissionId) external {
        if (msg.sender != TIMELOCK && msg.sender != GOVERNOR.proposalGuardian()) {
            revert CoverageDeskNotChallenger(msg.sender);
        }
        Commission storage c = _commissionIn(commissionId, Status.Fulfilled);
        if (block.timestamp >= c.challengeEndsAt)
            revert CoverageDeskChallengeWindowClosed(commissionId, c.challengeEndsAt);
        uint256 articleId = c.articleId;
        c.status = Status.Open;
        c.articleId = 0;
        c.challengeEndsAt = 0;
        emit FulfilmentRejected(commissionId, articleId, msg.sender);
    }

    /// @inheritdoc ICoverageDesk
    function settle(uint256 commissionId) external {
        Commission storage c = _commissionIn(commissionId, Status.Fulfilled);
        if (block.timestamp < c.challengeEndsAt)
            revert CoverageDeskChallengeWindowOpen(commissionId, c.challengeEndsAt);
        uint256 bounty = c.bounty;
        uint256 articleId = c.articleId;
        c.status = Status.Paid;

        // Authors never change after publishing, so the shares read now are those linked at `fulfil`.
        IArticleEditions.Payee[] memory authors = EDITIONS.authorsOf(articleId);
        uint256 authorBps;
        for (uint256 i; i < authors.length; ++i) {
            authorBps += authors[i].shareBps;
        }
        uint256 credited;
        for (uint256 i = authors.length; i > 0; --i) {
            // The first author, credited last, also takes what the floors left over.
            IArticleEditions.Payee memory author = authors[i - 1];
            uint256 amount = i == 1 ? bounty - credited : (bounty * author.shareBps) / authorBps;
            credited += amount;
            _owed[author.account] += amount;
            emit BountyCredited(commissionId, author.account, amount);
        }
        Totals memory totals = _totals;
        _totals = Totals(totals.commissionCount, totals.escrowed - uint96(bounty), totals.owed + uint96(bounty));
        emit CommissionSettled(commissionId, articleId, bounty);
    }

    /// @inheritdoc ICoverageDesk
    function expire(uint256 commissionId) external {
        Commission storage c = _commissionIn(commissionId, Status.Open);
        if (block.timestamp < c.deadline) revert CoverageDeskDeadlineNotReached(commissionId, c.deadline);
        uint256 refund = c.bounty;
        c.status = Status.Expired;
        _totals.escrowed -= uint96(refund);
        emit CommissionExpired(commissionId, refund);
        _send(TIMELOCK, refund);
    }

    /// @inheritdoc ICoverageDesk
    function withdraw(address account) external returns (uint256 amount) {
        amount = _owed[account];
        if (amount == 0) revert CoverageDeskNothingOwed(account);
        _owed[account] = 0;
        _totals.owed -= uint96(amount);
        emit Withdrawn(account, amount);
        _send(account, amount);
    }

    // ----- views -----

    /// @inheritdoc ICoverageDesk
    function commissionOf(uint256 commissionId) external view returns (Commission memory c) {
        c = _commissions[commissionId];
        if (c.status == Status.None) revert CoverageDeskUnknownCommission(commissionId);
    }

    /// @inheritdoc ICoverageDesk
    function commissionCount() external view returns (uint256) {
        return _totals.commissionCount;
    }

    /// @inheritdoc ICoverageDesk
    function owed(address account) external view returns (uint256) {
        return _owed[account];
    }

    /// @inheritdoc ICoverageDesk
    function escrowed() external view returns (uint256) {
        return _totals.escrowed;
    }

    /// @inheritdoc ICoverageDesk
    function totalOwed() external view returns (uint256) {
        return _totals.owed;
    }

    /// @inheritdoc ICoverageDesk
    function challengeWindow() external view returns (uint256) {
        return _CHALLENGE_WINDOW;
    }

    // ----- internals -----

    function _commissionIn(uint256 commissionId, Status expected) private view returns (Commission storage c) {
        c = _commissions[commissionId];
        Status status = c.status;
        if (status == Status.None) revert CoverageDeskUnknownCommission(commissionId);
        if (status != expected) revert CoverageDeskUnexpectedStatus(commissionId, status, expected);
    }

    function _send(address account, uint256 amount) private {
        (bool sent, ) = account.call{value: amount}("");
        if (!sent) revert CoverageDeskPayoutFailed(account, amount);
    }
}
