// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

/// @title TopNFTpost coverage governor: what it adds to OpenZeppelin's Governor
/// @notice Members vote with their lifetime passes on what the newsroom covers; passed proposals
/// run through a timelock that also holds the treasury.
/// @dev Quorum is the larger of a fraction of the votes that exist at the proposal's snapshot
/// (OZ `GovernorVotesQuorumFraction`) and a floor of votes governance sets. With few members the
/// fraction alone floors to 0 (9 votes at 10% is 0), which would let a single voter pass anything.
/// The floor is checkpointed like the fraction, so changing it never changes a proposal already made.
interface ICoverageGovernor {
    /// @notice Durations and thresholds the governor starts with; governance may change each later.
    /// @param votingDelay Seconds from proposal to the vote's snapshot and start.
    /// @param votingPeriod Seconds the vote lasts.
    /// @param proposalThreshold Votes a proposer needs.
    /// @param quorumNumerator Quorum as a percentage of the votes that exist at the snapshot.
    /// @param quorumFloor Least quorum in votes, whatever the percentage gives.
    /// @param lateQuorumExtension Seconds a vote stays open after quorum is first reached.
    /// @param proposalGuardian Address that may cancel any proposal (0 for none).
    struct GovernorConfig {
        uint48 votingDelay;
        uint32 votingPeriod;
        uint256 proposalThreshold;
        uint256 quorumNumerator;
        uint208 quorumFloor;
        uint48 lateQuorumExtension;
        address proposalGuardian;
    }

    /// @notice The quorum floor changed from `oldFloor` to `newFloor` votes, for proposals made from now on.
    event QuorumFloorUpdated(uint256 oldFloor, uint256 newFloor);

    /// @notice The least quorum, in votes, of proposals made now.
    function quorumFloor() external view returns (uint256);

    /// @notice The least quorum, in votes, of a proposal whose snapshot is `timepoint`.
    function quorumFloor(uint256 timepoint) external view returns (uint256);

    /// @notice Sets the least quorum, in votes, of proposals made from now on.
    /// @dev Requirements: only governance (a passed proposal, through the timelock).
    /// Emits {QuorumFloorUpdated}.
    function setQuorumFloor(uint208 newFloor) external;
}
