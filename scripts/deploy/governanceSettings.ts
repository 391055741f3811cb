import type { Address } from "viem";
import { z } from "zod";
import { address } from "../../web/src/config/envSchemas.ts";
import { readEnv } from "../../web/src/config/readEnv.ts";
import { LOCAL_CHAIN_ID } from "../../web/src/generated/contracts.ts";
import { SAMPLE_TIERS } from "../seed/sampleTiers.ts";
import type { GovernanceSettings } from "./deployGovernedPublication.ts";

const MINUTE = 60;
const DAY = 86_400;

const SECONDS = "must be a whole number of seconds";
const seconds = () => z.coerce.number({ message: SECONDS }).int(SECONDS).min(0, SECONDS).optional();
const VOTES = "must be a whole number of votes";
const votes = () => z.coerce.number({ message: VOTES }).int(VOTES).min(0, VOTES).optional();
const PERCENT = "must be a whole percentage (0-100)";
const addressList = () =>
  z
    .string()
    .transform((value) => value.split(",").map((item) => item.trim()))
    .pipe(z.array(address()))
    .optional();

const governanceEnv = z.object({
  GOVERNANCE_VOTING_DELAY: seconds(),
  GOVERNANCE_VOTING_PERIOD: seconds(),
  GOVERNANCE_LATE_QUORUM_EXTENSION: seconds(),
  GOVERNANCE_TIMELOCK_DELAY: seconds(),
  COVERAGE_CHALLENGE_WINDOW: seconds(),
  GOVERNANCE_PROPOSAL_THRESHOLD: votes(),
  GOVERNANCE_QUORUM_PERCENT: z.coerce.number({ message: PERCENT }).int(PERCENT).min(0, PERCENT).max(100, PERCENT).default(10),
  GOVERNANCE_QUORUM_FLOOR: votes(),
  GOVERNANCE_GUARDIAN: address().optional(),
  FOUNDING_MEMBERS: addressList(),
  PUBLISHERS: addressList(),
  MANAGERS: addressList(),
});

/** Durations on the local chain (minutes, so a vote passes while you watch) and on real networks (days). */
const DURATIONS = {
  local: {
    votingDelay: MINUTE,
    votingPeriod: 5 * MINUTE,
    lateQuorumExtension: 2 * MINUTE,
    timelockDelay: MINUTE,
    challengeWindow: 5 * MINUTE,
  },
  network: { votingDelay: DAY, votingPeriod: 5 * DAY, lateQuorumExtension: 2 * DAY, timelockDelay: 2 * DAY, challengeWindow: 3 * DAY },
};

/**
 * Settings of the governed deploy from the environment. On the local chain the first test account
 * is the guardian, publisher and manager, and accounts #0, #1 and #3 are founding members (#2 stays
 * the README's plain monthly reader); on a
 * real network the people must be named (`GOVERNANCE_GUARDIAN`, `FOUNDING_MEMBERS`, `PUBLISHERS`,
 * `MANAGERS`). Founding passes are of the sample tier with the most votes, paid by the deployer
 * into the treasury.
 */
export function governanceSettings(env: NodeJS.ProcessEnv, chainId: number, accounts: readonly Address[]): GovernanceSettings {
  const settings = readEnv(governanceEnv, env, "Bad governance settings");
  const local = chainId === LOCAL_CHAIN_ID;
  const durations = local ? DURATIONS.local : DURATIONS.network;
  const people = (value: Address[] | undefined, localDefault: Address[], name: string, role: string) => {
    const list = value ?? (local ? localDefault : undefined);
    if (!list?.length) throw new Error(`${name}: required on this network: comma-separated addresses ${role}`);
    return list;
  };
  const guardian = settings.GOVERNANCE_GUARDIAN ?? (local ? accounts[0] : undefined);
  if (!guardian)
    throw new Error("GOVERNANCE_GUARDIAN: required on this network: the address that may cancel proposals and reject fulfilments");
  const weights: number[] = SAMPLE_TIERS.map((tier) => tier.votingWeight);
  return {
    governor: {
      votingDelay: settings.GOVERNANCE_VOTING_DELAY ?? durations.votingDelay,
      votingPeriod: settings.GOVERNANCE_VOTING_PERIOD ?? durations.votingPeriod,
      proposalThreshold: BigInt(settings.GOVERNANCE_PROPOSAL_THRESHOLD ?? 1),
      quorumNumerator: BigInt(settings.GOVERNANCE_QUORUM_PERCENT),
      quorumFloor: BigInt(settings.GOVERNANCE_QUORUM_FLOOR ?? (local ? 3 : 10)),
      lateQuorumExtension: settings.GOVERNANCE_LATE_QUORUM_EXTENSION ?? durations.lateQuorumExtension,
      proposalGuardian: guardian,
    },
    timelockDelay: BigInt(settings.GOVERNANCE_TIMELOCK_DELAY ?? durations.timelockDelay),
    challengeWindow: BigInt(settings.COVERAGE_CHALLENGE_WINDOW ?? durations.challengeWindow),
    tiers: SAMPLE_TIERS,
    foundingTier: weights.indexOf(Math.max(...weights)),
    foundingMembers: people(
      settings.FOUNDING_MEMBERS,
      [0, 1, 3].flatMap((i) => accounts[i] ?? []),
      "FOUNDING_MEMBERS",
      "that receive a founding pass",
    ),
    publishers: people(settings.PUBLISHERS, accounts.slice(0, 1), "PUBLISHERS", "that may publish articles and fulfil commissions"),
    managers: people(settings.MANAGERS, accounts.slice(0, 1), "MANAGERS", "that may manage reading tiers"),
  };
}
