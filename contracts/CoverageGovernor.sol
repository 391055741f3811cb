// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {Governor} from "@openzeppelin/contracts/governance/Governor.sol";
import {GovernorCountingSimple} from "@openzeppelin/contracts/governance/extensions/GovernorCountingSimple.sol";
import {GovernorNoncesKeyed} from "@openzeppelin/contracts/governance/extensions/GovernorNoncesKeyed.sol";
import {GovernorPreventLateQuorum} from "@openzeppelin/contracts/governance/extensions/GovernorPreventLateQuorum.sol";
import {GovernorProposalGuardian} from "@openzeppelin/contracts/governance/extensions/GovernorProposalGuardian.sol";
import {GovernorSequentialProposalId} from "@openzeppelin/contracts/governance/extensions/GovernorSequentialProposalId.sol";
import {GovernorSettings} from "@openzeppelin/contracts/governance/extensions/GovernorSettings.sol";
import {GovernorStorage} from "@openzeppelin/contracts/governance/extensions/GovernorStorage.sol";
import {GovernorTimelockControl} from "@openzeppelin/contracts/governance/extensions/GovernorTimelockControl.sol";
import {GovernorVotes} from "@openzeppelin/contracts/governance/extensions/GovernorVotes.sol";
import {GovernorVotesQuorumFraction} from "@openzeppelin/contracts/governance/extensions/GovernorVotesQuorumFraction.sol";
import {TimelockController} from "@openzeppelin/contracts/governance/TimelockController.sol";
import {IVotes} from "@openzeppelin/contracts/governance/utils/IVotes.sol";
import {Nonces} from "@openzeppelin/contracts/utils/Nonces.sol";
import {Math} from "@openzeppelin/contracts/utils/math/Math.sol";
import {SafeCast} from "@openzeppelin/contracts/utils/math/SafeCast.sol";
import {Checkpoints} from "@openzeppelin/contracts/utils/structs/Checkpoints.sol";
import {ICoverageGovernor} from "./interfaces/ICoverageGovernor.sol";

/// @title CoverageGovernor
/// @notice The coverage DAO's governor: lifetime member passes vote (timestamp clock), passed
/// proposals are queued in and executed by the timelock, which is also the treasury and the
/// publication's admin. Proposals are numbered 1, 2, 3... and listed on chain; a guardian may
/// cancel any of them; each proposal keeps its own signature nonces, so relayed votes never
/// block each other.
/// @dev Only OpenZeppelin modules, plus a quorum floor (see {ICoverageGovernor}). The overrides
/// below only tell Solidity which modules combine; their order follows the inheritance list.
contract CoverageGovernor is
    ICoverageGovernor,
    Governor,
    GovernorSettings,
    GovernorCountingSimple,
    GovernorStorage,
    GovernorVotes,
    GovernorVotesQuorumFraction,
    GovernorPreventLateQuorum,
    GovernorTimelockControl,
    GovernorProposalGuardian,
    GovernorSequentialProposalId,
    GovernorNoncesKeyed
{
    using Checkpoints for Checkpoints.Trace208;

    /// @dev The quorum rule in force, in one slot: the fraction's numerator and the floor, each with
    /// the clock it took effect at. Quorum is computed on every vote until it is reached and again at
    /// queue and execute; one cold read here (2,100 gas) replaces two checkpoint lookups (4,200 each).
    /// Earlier values stay in the checkpoint histories, read only for proposals made before a change.
    struct QuorumRule {
        uint48 numeratorSince;
        uint32 numerator;
        uint48 floorSince;
        uint128 floor;
    }

    QuorumRule private _quorumRule;
    Checkpoints.Trace208 private _quorumFloorHistory;

    constructor(
        IVotes token,
        TimelockController timelock,
        GovernorConfig memory config
    )
        Governor("TopNFTpost Coverage DAO")
        GovernorSettings(config.votingDelay, config.votingPeriod, config.proposalThreshold)
        GovernorVotes(token)
        GovernorVotesQuorumFraction(config.quorumNumerator)
        GovernorPreventLateQuorum(config.lateQuorumExtension)
        GovernorTimelockControl(timelock)
    {
        _setQuorumFloor(config.quorumFloor);
        _setProposalGuardian(config.proposalGuardian);
    }

    // ----- quorum floor -----

    /// @inheritdoc ICoverageGovernor
    function quorumFloor() external view returns (uint256) {
        return _quorumRule.floor;
    }

    /// @inheritdoc ICoverageGovernor
    function quorumFloor(uint256 timepoint) public view returns (uint256) {
        QuorumRule memory rule = _quorumRule;
        if (rule.floorSince <= timepoint) return rule.floor;
        return _quorumFloorHistory.upperLookupRecent(SafeCast.toUint48(timepoint));
    }

    /// @inheritdoc ICoverageGovernor
    /// @dev A floor above 2^128 - 1 votes reverts (`SafeCastOverflowedUintDowncast`).
    function setQuorumFloor(uint208 newFloor) external onlyGovernance {
        _setQuorumFloor(newFloor);
    }

    /// @notice Votes a proposal whose snapshot is `timepoint` needs: the fraction of the votes
    /// that existed then, and never less than the floor.
    function quorum(uint256 timepoint) public view override(Governor, GovernorVotesQuorumFraction) returns (uint256) {
        return Math.max(super.quorum(timepoint), quorumFloor(timepoint));
    }

    /// @dev A tally under the floor is under quorum whatever the fraction says, and the floor is one
    /// packed read: only a tally that reaches the floor pays for the votes supply at the snapshot.
    /// PreventLateQuorum asks this on every vote until quorum, so most such votes skip that lookup
    /// (about 8,600 gas each); the vote that reaches the floor pays about 2,000 more, mostly the
    /// against tally that `proposalVotes` reads with the others.
    function _quorumReached(
        uint256 proposalId
    ) internal view override(Governor, GovernorCountingSimple) returns (bool) {
        (, uint256 forVotes, uint256 abstainVotes) = proposalVotes(proposalId);
        uint256 tally = forVotes + abstainVotes;
        uint256 snapshot = proposalSnapshot(proposalId);
        // What GovernorCountingSimple decides (quorum counts for and abstain votes), floor first.
        return tally >= quorumFloor(snapshot) && tally >= quorum(snapshot);
    }

    /// @notice The fraction's numerator for a proposal whose snapshot is `timepoint` (read from the
    /// packed rule when it was already in force, else from OpenZeppelin's history).
    function quorumNumerator(uint256 timepoint) public view override returns (uint256) {
        QuorumRule memory rule = _quorumRule;
        if (rule.numeratorSince <= timepoint) return rule.numerator;
        return super.quorumNumerator(timepoint);
    }

    // ----- how the modules combine -----

    function votingDelay() public view override(Governor, GovernorSettings) returns (uint256) {
        return super.votingDelay();
    }

    function votingPeriod() public view override(Governor, GovernorSettings) returns (uint256) {
        return super.votingPeriod();
    }

    function proposalThreshold() public view override(Governor, GovernorSettings) returns (uint256) {
        return super.proposalThreshold();
    }

    function state(uint256 proposalId) public view override(Governor, GovernorTimelockControl) returns (ProposalState) {
        return super.state(proposalId);
    }

    function proposalDeadline(
        uint256 proposalId
    ) public view override(Governor, GovernorPreventLateQuorum) returns (uint256) {
        return super.proposalDeadline(proposalId);
    }

    function proposalNeedsQueuing(
        uint256 proposalId
    ) public view override(Governor, GovernorTimelockControl) returns (bool) {
        return super.proposalNeedsQueuing(proposalId);
    }

    function getProposalId(
        address[] memory targets,
        uint256[] memory values,
        bytes[] memory calldatas,
        bytes32 descriptionHash
    ) public view override(Governor, GovernorSequentialProposalId) returns (uint256) {
        return super.getProposalId(targets, values, calldatas, descriptionHash);
    }

    function _propose(
        address[] memory targets,
        uint256[] memory values,
        bytes[] memory calldatas,
        string memory description,
        address proposer
    ) internal override(Governor, GovernorStorage, GovernorSequentialProposalId) returns (uint256) {
        return super._propose(targets, values, calldatas, description, proposer);
    }

    function _tallyUpdated(uint256 proposalId) internal override(Governor, GovernorPreventLateQuorum) {
        super._tallyUpdated(proposalId);
    }

    function _queueOperations(
        uint256 proposalId,
        address[] memory targets,
        uint256[] memory values,
        bytes[] memory calldatas,
        bytes32 descriptionHash
    ) internal override(Governor, GovernorTimelockControl) returns (uint48) {
        return super._queueOperations(proposalId, targets, values, calldatas, descriptionHash);
    }

    function _executeOperations(
        uint256 proposalId,
        address[] memory targets,
        uint256[] memory values,
        bytes[] memory calldatas,
        bytes32 descriptionHash
    ) internal override(Governor, GovernorTimelockControl) {
        super._executeOperations(proposalId, targets, values, calldatas, descriptionHash);
    }

    function _cancel(
        address[] memory targets,
        uint256[] memory values,
        bytes[] memory calldatas,
        bytes32 descriptionHash
    ) internal override(Governor, GovernorTimelockControl) returns (uint256) {
        return super._cancel(targets, values, calldatas, descriptionHash);
    }

    function _executor() internal view override(Governor, GovernorTimelockControl) returns (address) {
        return super._executor();
    }

    function _validateCancel(
        uint256 proposalId,
        address caller
    ) internal view override(Governor, GovernorProposalGuardian) returns (bool) {
        return super._validateCancel(proposalId, caller);
    }

    function _validateVoteSig(
        uint256 proposalId,
        uint8 support,
        address voter,
        bytes memory signature
    ) internal override(Governor, GovernorNoncesKeyed) returns (bool) {
        return super._validateVoteSig(proposalId, support, voter, signature);
    }

    function _validateExtendedVoteSig(
        uint256 proposalId,
        uint8 support,
        address voter,
        string memory reason,
        bytes memory params,
        bytes memory signature
    ) internal override(Governor, GovernorNoncesKeyed) returns (bool) {
        return super._validateExtendedVoteSig(proposalId, support, voter, reason, params, signature);
    }

    function _useCheckedNonce(address owner, uint256 nonce) internal override(Nonces, GovernorNoncesKeyed) {
        super._useCheckedNonce(owner, nonce);
    }

    // ----- internals -----

    /// @dev OpenZeppelin's history, plus the packed copy {quorumNumerator} reads (the numerator is
    /// at most the denominator, 100, so 32 bits hold it).
    function _updateQuorumNumerator(uint256 newQuorumNumerator) internal override {
        super._updateQuorumNumerator(newQuorumNumerator);
        _quorumRule.numeratorSince = clock();
        _quorumRule.numerator = uint32(newQuorumNumerator);
    }

    function _setQuorumFloor(uint208 newFloor) private {
        uint256 oldFloor = _quorumRule.floor;
        uint48 now_ = clock();
        _quorumFloorHistory.push(now_, newFloor);
        _quorumRule.floorSince = now_;
        _quorumRule.floor = SafeCast.toUint128(newFloor);
        emit QuorumFloorUpdated(oldFloor, newFloor);
    }
}
