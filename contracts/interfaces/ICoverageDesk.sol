// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

/// @title TopNFTpost coverage desk
/// @notice Turns a passed proposal into paid coverage. The timelock commissions a topic with a
/// bounty it sends along (escrowed here); an editor (a publisher of ArticleEditions) links an
/// article published after the commission; during a challenge window the proposal guardian or
/// governance may reject that fulfilment, which reopens the commission; after the window anyone
/// settles it, crediting the bounty to the article's authors by their shares, and each author
/// withdraws their part. A commission nobody fulfilled by its deadline can be expired by anyone,
/// returning the bounty to the timelock.
/// @dev The desk's balance always equals {escrowed} plus {totalOwed}. A topic is the SHA-256 digest
/// of its Markdown's IPFS node, the 32 bytes inside its CIDv0 (`Qm...` is base58 of 0x1220 and
/// the digest), so anyone rebuilds the CID from it. A digest and not the CID string because a
/// proposal's calldata is stored by the governor (GovernorStorage) at 22,100 gas a word: the string
/// made each commission proposal three words (about 66,000 gas) dearer. The topic is recorded in
/// {CommissionCreated} only (the indexer keeps it), which saves a slot per commission.
interface ICoverageDesk {
    /// @notice Where a commission stands. Open: waiting for an article; Fulfilled: an article is
    /// linked and the challenge window runs; Paid: the bounty went to the authors; Expired: the
    /// bounty went back to the timelock.
    enum Status {
        None,
        Open,
        Fulfilled,
        Paid,
        Expired
    }

    /// @notice A commission as stored.
    /// @param bounty Wei escrowed for the authors.
    /// @param deadline First second at which the commission can no longer be fulfilled.
    /// @param challengeEndsAt End of the fulfilment's challenge window (0 until fulfilled).
    /// @param articleId The fulfilling article (0 until fulfilled).
    /// @param firstArticleId Lowest article id that may fulfil it: the first published after it.
    struct Commission {
        uint96 bounty;
        uint40 deadline;
        uint40 challengeEndsAt;
        uint32 articleId;
        uint32 firstArticleId;
        Status status;
    }

    /// @notice `commission` by anyone but the timelock.
    error CoverageDeskOnlyTimelock(address caller);
    /// @notice `fulfil` by an account without the publisher role on ArticleEditions.
    error CoverageDeskNotEditor(address caller);
    /// @notice `reject` by anyone but the proposal guardian or the timelock.
    error CoverageDeskNotChallenger(address caller);
    /// @notice A commission with no bounty, or one above 2^96 - 1 wei.
    error CoverageDeskInvalidBounty(uint256 bounty);
    /// @notice A commission whose deadline is not in the future (or beyond 2^40 - 1).
    error CoverageDeskInvalidDeadline(uint256 deadline, uint256 timestamp);
    /// @notice A commission without a topic (a zero digest).
    error CoverageDeskEmptyTopic();
    /// @notice `commissionId` was never commissioned.
    error CoverageDeskUnknownCommission(uint256 commissionId);
    /// @notice The commission is not in the status the step needs.
    error CoverageDeskUnexpectedStatus(uint256 commissionId, Status status, Status expected);
    /// @notice `fulfil` at or after the commission's deadline.
    error CoverageDeskPastDeadline(uint256 commissionId, uint40 deadline);
    /// @notice `expire` before the commission's deadline.
    error CoverageDeskDeadlineNotReached(uint256 commissionId, uint40 deadline);
    /// @notice `fulfil` with an article that does not exist or was published before the commission.
    error CoverageDeskIneligibleArticle(uint256 commissionId, uint256 articleId, uint256 firstArticleId);
    /// @notice `fulfil` with an article that has no authors to pay.
    error CoverageDeskArticleWithoutAuthors(uint256 articleId);
    /// @notice `settle` while the challenge window still runs.
    error CoverageDeskChallengeWindowOpen(uint256 commissionId, uint40 challengeEndsAt);
    /// @notice `reject` after the challenge window ended.
    error CoverageDeskChallengeWindowClosed(uint256 commissionId, uint40 challengeEndsAt);
    /// @notice `withdraw` for an account that is owed nothing.
    error CoverageDeskNothingOwed(address account);
    /// @notice An ETH transfer to `account` failed (a contract that refuses ETH).
    error CoverageDeskPayoutFailed(address account, uint256 amount);

    /// @notice The timelock commissioned coverage of `topic` (the SHA-256 digest of its CIDv0), escrowing `bounty`.
    event CommissionCreated(uint256 indexed commissionId, bytes32 topic, uint256 bounty, uint40 deadline);
    /// @notice `editor` linked `articleId`; the guardian or governance may reject it until `challengeEndsAt`.
    event CommissionFulfilled(
        uint256 indexed commissionId,
        uint256 indexed articleId,
        address indexed editor,
        uint40 challengeEndsAt
    );
    /// @notice `challenger` rejected the fulfilment by `articleId`; the commission is open again.
    event FulfilmentRejected(uint256 indexed commissionId, uint256 indexed articleId, address indexed challenger);
    /// @notice The bounty was credited to `articleId`'s authors ({BountyCredited} for each).
    event CommissionSettled(uint256 indexed commissionId, uint256 indexed articleId, uint256 bounty);
    /// @notice `author` may now withdraw `amount` more, their share of the commission's bounty.
    event BountyCredited(uint256 indexed commissionId, address indexed author, uint256 amount);
    /// @notice Nobody fulfilled the commission by its deadline; `refund` went back to the timelock.
    event CommissionExpired(uint256 indexed commissionId, uint256 refund);
    /// @notice `account` was paid `amount`.
    event Withdrawn(address indexed account, uint256 amount);

    /// @notice Escrows the value sent as the bounty for coverage of `topic`, due by `deadline`.
    /// @dev Requirements: the timelock (a passed proposal); a bounty of 1 to 2^96 - 1 wei; a
    /// non-empty topic; a deadline in the future. Emits {CommissionCreated}.
    function commission(bytes32 topic, uint256 bounty, uint40 deadline) external payable returns (uint256 commissionId);

    /// @notice Links `articleId` to an open commission and starts its challenge window.
    /// @dev Requirements: the publisher role on ArticleEditions; the commission is Open and before
    /// its deadline; the article exists, was published after the commission, and has authors.
    /// Emits {CommissionFulfilled}.
    function fulfil(uint256 commissionId, uint256 articleId) external;

    /// @notice Rejects a fulfilment during its challenge window; the commission is Open again.
    /// @dev Requirements: the governor's proposal guardian or the timelock; the commission is
    /// Fulfilled and its window runs. Emits {FulfilmentRejected}.
    function reject(uint256 commissionId) external;

    /// @notice After the challenge window, credits the bounty to the article's authors by their
    /// shares of the author total (the treasury paid the bounty, so it takes no cut); the first
    /// author also receives the rounding remainder. Anyone may call it.
    /// @dev Requirements: the commission is Fulfilled and its window has ended. Emits
    /// {BountyCredited} for each author, then {CommissionSettled}.
    function settle(uint256 commissionId) external;

    /// @notice Returns the bounty of a commission nobody fulfilled by its deadline to the timelock.
    /// Anyone may call it.
    /// @dev Requirements: the commission is Open and its deadline has come. Emits {CommissionExpired}.
    function expire(uint256 commissionId) external;

    /// @notice Sends `account` every bounty share credited to it. Anyone may trigger it; funds
    /// only ever go to `account`.
    /// @dev Requirements: something is owed. Emits {Withdrawn}.
    function withdraw(address account) external returns (uint256 amount);

    /// @notice A commission as stored; reverts for unknown ids.
    function commissionOf(uint256 commissionId) external view returns (Commission memory);

    /// @notice Number of commissions made (ids run from 1 to this).
    function commissionCount() external view returns (uint256);

    /// @notice Wei `account` may withdraw now.
    function owed(address account) external view returns (uint256);

    /// @notice Wei held for commissions that are Open or Fulfilled.
    function escrowed() external view returns (uint256);

    /// @notice Wei credited to authors and not yet withdrawn.
    function totalOwed() external view returns (uint256);

    /// @notice Seconds a fulfilment may be rejected after it is made.
    function challengeWindow() external view returns (uint256);
}
