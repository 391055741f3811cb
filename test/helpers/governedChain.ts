import { spawn } from "node:child_process";
import { join } from "node:path";
import { network } from "hardhat";
import { type Address, createPublicClient, createTestClient, encodeFunctionData, type Hex, http, keccak256, parseEther, toHex } from "viem";
import { mnemonicToAccount } from "viem/accounts";
import { deployGovernedPublication, type GovernanceSettings } from "../../scripts/deploy/deployGovernedPublication.ts";
import { SAMPLE_TIERS } from "../../scripts/seed/sampleTiers.ts";
import { choosePort, waitFor } from "../../scripts/stack/processes.ts";
import { topicOfCid } from "../../web/src/dao/commissionTopic.ts";
import { coverageDeskAbi, LOCAL_CHAIN_ID } from "../../web/src/generated/contracts.ts";

const root = join(import.meta.dirname, "../..");
const MNEMONIC = "test test test test test test test test test test test junk";

/** Hardhat's funded test account #index, as a local signer (as a wallet extension signs). */
export const testSigner = (index: number) => mnemonicToAccount(MNEMONIC, { addressIndex: index });

export const GOVERNED_DURATIONS = { votingDelay: 60, votingPeriod: 3_600 } as const;

/**
 * The governed publication on anvil (a JSON-RPC chain, as `npm start` runs), deployed by the
 * production deploy code: accounts #1-#3 are founding members with 3 votes each, #0 the editor,
 * guardian and deployer. Gives viem clients, a way to propose and open voting, and `stop`.
 */
export async function startGovernedChain() {
  const port = await choosePort(0);
  const rpcUrl = `http://127.0.0.1:${port}`;
  const args = ["--host", "127.0.0.1", "--port", String(port), "--chain-id", String(LOCAL_CHAIN_ID), "--accounts", "20"];
  const anvil = spawn(join(root, "node_modules/.bin/anvil"), args, { stdio: "ignore", detached: true });
  const stop = async () => {
    try {
      process.kill(-anvil.pid!, "SIGKILL");
    } catch {}
  };
  try {
    await waitFor(
      "anvil",
      async () => (await fetch(rpcUrl, { method: "POST", body: '{"jsonrpc":"2.0","id":1,"method":"eth_chainId"}' })).ok,
    );
    const { viem } = await network.connect({ network: "localhost", override: { url: rpcUrl } });
    const [editor, alice, bob, carol] = await viem.getWalletClients();
    const settings: GovernanceSettings = {
      governor: {
        ...GOVERNED_DURATIONS,
        proposalThreshold: 1n,
        quorumNumerator: 10n,
        quorumFloor: 4n,
        lateQuorumExtension: 60,
        proposalGuardian: editor.account.address,
      },
      timelockDelay: 60n,
      challengeWindow: 300n,
      tiers: SAMPLE_TIERS,
      foundingTier: 3,
      foundingMembers: [alice.account.address, bob.account.address, carol.account.address],
      publishers: [editor.account.address],
      managers: [editor.account.address],
    };
    const dao = await deployGovernedPublication(
      viem,
      { passReferralBps: 1_000, passRoyaltyBps: 500n, passContractURI: "", editionsContractURI: "" },
      settings,
    );
    const publicClient = createPublicClient({ transport: http(rpcUrl) });
    const testClient = createTestClient({ mode: "anvil", transport: http(rpcUrl) });
    // Votes count from the second after they were received (a proposer's are read at clock() - 1).
    await testClient.increaseTime({ seconds: 1 });
    await testClient.mine({ blocks: 1 });
    const governor = dao.governor.address;
    const aliceGovernor = await viem.getContractAt("CoverageGovernor", governor, { client: { wallet: alice } });

    /** Alice proposes a one-action commission; returns the proposal id (voting not yet open). */
    const propose = async (description: string) => {
      const deadline = (await publicClient.getBlock()).timestamp + 30n * 86_400n;
      const calldata = encodeFunctionData({
        abi: coverageDeskAbi,
        functionName: "commission",
        // Any topic will do: these proposals are only ever voted on, never executed.
        args: [topicOfCid("QmYwAPJzv5CZsnA625s3Xf2nemtYgPpHdWEz79ojWnPbdG"), parseEther("0.1"), Number(deadline)],
      });
      const hash = await aliceGovernor.write.propose([
        [dao.desk.address] as Address[],
        [parseEther("0.1")],
        [calldata] as Hex[],
        description,
      ]);
      await publicClient.waitForTransactionReceipt({ hash });
      return dao.governor.read.latestProposalId();
    };
    /** Moves the clock past the snapshots of every proposal made so far: their voting opens. */
    const openVoting = async () => {
      await testClient.increaseTime({ seconds: GOVERNED_DURATIONS.votingDelay + 1 });
      await testClient.mine({ blocks: 1 });
    };
    /** Moves the clock past the deadlines of every proposal open so far. */
    const closeVoting = async () => {
      await testClient.increaseTime({ seconds: GOVERNED_DURATIONS.votingPeriod + 120 });
      await testClient.mine({ blocks: 1 });
    };
    return {
      rpcUrl,
      viem,
      publicClient,
      testClient,
      governor,
      dao,
      descriptionHash: (description: string) => keccak256(toHex(description)),
      propose,
      openVoting,
      closeVoting,
      stop,
    };
  } catch (error) {
    await stop();
    throw error;
  }
}
