import { createWalletClient, getAddress, type Hash, http, parseEther, parseEventLogs } from "viem";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Ballot, ballotTypedData, VOTE_SUPPORT } from "../../web/src/dao/relay/ballot.ts";
import { LOCAL_RELAYER_INDEX, readRelayConfig, type RelayLimits } from "../../web/src/dao/relay/relayConfig.ts";
import { type RelayAnswer, relayVote, type VoteProgress, type VoteRelay, voteProgress } from "../../web/src/dao/relay/relayVote.ts";
import { openDatabase } from "../../web/src/db/openDatabase.ts";
import { coverageGovernorAbi, LOCAL_CHAIN_ID } from "../../web/src/generated/contracts.ts";
import { EnvError } from "../../web/src/config/readEnv.ts";
import { startGovernedChain, testSigner } from "../helpers/governedChain.ts";
import { startTestDatabase } from "../helpers/testDatabase.ts";

// The relay's handler against real parts: anvil with the governed publication deployed by the
// production deploy code, and a fresh database (embedded PGlite, or CI's Postgres server).
let chain: Awaited<ReturnType<typeof startGovernedChain>>;
let database: Awaited<ReturnType<typeof startTestDatabase>>;
const config = readRelayConfig({}, LOCAL_CHAIN_ID);
const relayer = config.relayer;
const [alice, bob, carol, outsider] = [1, 2, 3, 4].map(testSigner);
const GENEROUS: RelayLimits = { perAddress: 1_000, perIp: 1_000, windowSeconds: 3_600 };
const opened: ReturnType<typeof openDatabase>[] = [];

beforeAll(async () => {
  [chain, database] = await Promise.all([startGovernedChain(), startTestDatabase()]);
}, 180_000);
afterAll(async () => {
  for (const db of opened) await db.destroy();
  await database?.db.destroy();
  await database?.stop();
  await chain?.stop();
});

/** One web server's relay: its own database pool, the relayer from the local default configuration. */
function server(overrides: Partial<VoteRelay> = {}): VoteRelay {
  const db = openDatabase(database.url);
  opened.push(db);
  return {
    db,
    publicClient: chain.publicClient,
    walletClient: createWalletClient({ account: relayer, transport: http(chain.rpcUrl) }),
    relayer,
    chainId: LOCAL_CHAIN_ID,
    governor: chain.governor,
    minBalance: config.minBalance,
    maxGas: config.maxGas,
    limits: GENEROUS,
    ...overrides,
  };
}

/** What the page posts after the member's wallet signed the ballot (with the governor's keyed nonce, unless told). */
async function signedVote(
  signer: typeof alice,
  ballot: Omit<Ballot, "voter">,
  options: { nonce?: bigint; postedProposalId?: bigint } = {},
) {
  const full = { ...ballot, voter: signer.address };
  const nonce = options.nonce ?? (await chain.dao.governor.read.nonces([signer.address, ballot.proposalId]));
  const domain = { name: await chain.dao.governor.read.name(), chainId: LOCAL_CHAIN_ID, governor: chain.governor };
  const signature = await signer.signTypedData(ballotTypedData(domain, full, nonce));
  return {
    proposalId: String(options.postedProposalId ?? ballot.proposalId),
    support: ballot.support,
    voter: signer.address,
    reason: ballot.reason,
    signature,
  };
}

const relayerNonce = () => chain.publicClient.getTransactionCount({ address: relayer.address, blockTag: "pending" });
let ips = 0;
const freshIp = () => `198.51.100.${++ips}`;

/** Polls the vote's progress as the page does, until it settles. */
async function settled(relay: VoteRelay, id: string): Promise<VoteProgress> {
  for (;;) {
    const progress = await voteProgress(relay, id);
    if (progress && (progress.state === "confirmed" || progress.state === "failed")) return progress;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

function progressOf(answer: RelayAnswer) {
  expect(answer.status, JSON.stringify(answer.body)).toBe(202);
  return answer.body as VoteProgress;
}

/** Asserts a refusal with its code and both languages' words, and that the relayer sent nothing. */
async function expectRefused(send: () => Promise<RelayAnswer>, status: number, code: string, words?: { en: RegExp; ko: RegExp }) {
  const before = await relayerNonce();
  const answer = await send();
  expect(answer.status, JSON.stringify(answer.body)).toBe(status);
  const { error } = answer.body as { error: { code: string; message: { en: string; ko: string } } };
  expect(error.code).toBe(code);
  expect(error.message.en).not.toMatch(/\{\w+\}/);
  expect(error.message.ko).toMatch(/[가-힣]/);
  if (words) {
    expect(error.message.en).toMatch(words.en);
    expect(error.message.ko).toMatch(words.ko);
  }
  expect(await relayerNonce(), "the relayer sent nothing").toBe(before);
  return answer;
}

describe("gasless votes through the relay", () => {
  it("casts a signed vote with its reason: the VoteCast event carries the reason, and the page sees it confirmed", async () => {
    const relay = server();
    const proposalId = await chain.propose("Relay: a vote with a reason");
    await chain.openVoting();
    const reason = "부산 블록체인 위크 후속 취재가 필요합니다 — local coverage nobody else funds.";
    const answer = await relayVote(relay, {
      body: await signedVote(bob, { proposalId, support: VOTE_SUPPORT.for, reason }),
      ip: freshIp(),
    });
    const sent = progressOf(answer);
    expect(sent.state).toBe("sent");
    const done = await settled(relay, sent.id);
    expect(done.state).toBe("confirmed");
    const receipt = await chain.publicClient.getTransactionReceipt({ hash: done.transactionHash as Hash });
    expect(getAddress(receipt.from)).toBe(relayer.address);
    const [cast] = parseEventLogs({ abi: coverageGovernorAbi, logs: receipt.logs, eventName: "VoteCast" });
    expect([cast.args.voter, cast.args.proposalId, cast.args.support, cast.args.weight, cast.args.reason]).toEqual([
      bob.address,
      proposalId,
      VOTE_SUPPORT.for,
      3n,
      reason,
    ]);
    expect(await chain.dao.governor.read.proposalVotes([proposalId])).toEqual([0n, 3n, 0n]);
  });

  it("relays two members' votes sent at once through two servers: both land, one relayer nonce each", async () => {
    const proposalId = await chain.propose("Relay: two votes at once");
    await chain.openVoting();
    const before = await relayerNonce();
    const [first, second] = await Promise.all([
      relayVote(server(), {
        body: await signedVote(alice, { proposalId, support: VOTE_SUPPORT.against, reason: "Too soon." }),
        ip: freshIp(),
      }),
      relayVote(server(), { body: await signedVote(carol, { proposalId, support: VOTE_SUPPORT.abstain, reason: "" }), ip: freshIp() }),
    ]);
    const relay = server();
    const done = await Promise.all([settled(relay, progressOf(first).id), settled(relay, progressOf(second).id)]);
    expect(done.map((vote) => vote.state)).toEqual(["confirmed", "confirmed"]);
    expect(await relayerNonce()).toBe(before + 2);
    // Carol gave no reason: castVoteBySig, her abstention counted.
    expect(await chain.dao.governor.read.proposalVotes([proposalId])).toEqual([3n, 0n, 3n]);
  });

  it("sends at most one vote per member and proposal however often it is replayed, even before the first is mined", async () => {
    const relay = server();
    const proposalId = await chain.propose("Relay: replays");
    await chain.openVoting();
    const body = await signedVote(alice, { proposalId, support: VOTE_SUPPORT.for, reason: "Once." });
    const before = await relayerNonce();
    await chain.testClient.setAutomine(false);
    let answers: RelayAnswer[];
    try {
      answers = await Promise.all([1, 2, 3].map(() => relayVote(server(), { body, ip: freshIp() })));
    } finally {
      await chain.testClient.setAutomine(true);
    }
    await chain.testClient.mine({ blocks: 1 });
    const statuses = answers.map((answer) => answer.status).sort();
    expect(statuses).toEqual([202, 409, 409]);
    for (const answer of answers.filter((a) => a.status === 409))
      expect((answer.body as { error: { code: string } }).error.code).toBe("relay.alreadyRelayed");
    expect(await relayerNonce(), "one transaction for three requests").toBe(before + 1);
    const [accepted] = answers.filter((a) => a.status === 202);
    expect((await settled(relay, (accepted.body as VoteProgress).id)).state).toBe("confirmed");
    // Once it is on chain, the same signature is refused before anything is sent.
    await expectRefused(() => relayVote(relay, { body, ip: freshIp() }), 409, "relay.alreadyVoted", {
      en: /already voted on proposal #\d+/,
      ko: /이미/,
    });
  });

  it("marks a vote whose transaction the chain lost as dropped, and lets the member send the same signature again", async () => {
    const relay = server({ droppedAfterSeconds: 0 });
    const proposalId = await chain.propose("Relay: a dropped transaction");
    await chain.openVoting();
    const body = await signedVote(carol, { proposalId, support: VOTE_SUPPORT.for, reason: "Sent twice, counted once." });
    await chain.testClient.setAutomine(false);
    let sent: VoteProgress;
    try {
      sent = progressOf(await relayVote(relay, { body, ip: freshIp() }));
      // What a node restart or a full mempool does to a pending transaction.
      await chain.testClient.dropTransaction({ hash: sent.transactionHash as Hash });
    } finally {
      await chain.testClient.setAutomine(true);
    }
    expect(await voteProgress(relay, sent.id)).toMatchObject({ state: "failed", failure: "dropped" });
    const again = progressOf(await relayVote(relay, { body, ip: freshIp() }));
    expect((await settled(relay, again.id)).state).toBe("confirmed");
    expect(await chain.dao.governor.read.proposalVotes([proposalId])).toEqual([0n, 3n, 0n]);
  });

  it("keeps a sent vote whose transaction is still pending as sent", async () => {
    const relay = server({ droppedAfterSeconds: 0 });
    const proposalId = await chain.propose("Relay: a pending transaction");
    await chain.openVoting();
    await chain.testClient.setAutomine(false);
    try {
      const sent = progressOf(
        await relayVote(relay, { body: await signedVote(bob, { proposalId, support: VOTE_SUPPORT.against, reason: "" }), ip: freshIp() }),
      );
      expect(await voteProgress(relay, sent.id)).toMatchObject({ state: "sent", failure: null });
    } finally {
      await chain.testClient.setAutomine(true);
    }
    await chain.testClient.mine({ blocks: 1 });
  });

  it("refuses a signature made for another proposal", async () => {
    const signedFor = await chain.propose("Relay: the proposal Bob signed for");
    const postedTo = await chain.propose("Relay: the proposal the signature is posted to");
    await chain.openVoting();
    const body = await signedVote(bob, { proposalId: signedFor, support: VOTE_SUPPORT.for, reason: "" }, { postedProposalId: postedTo });
    await expectRefused(() => relayVote(server(), { body, ip: freshIp() }), 422, "error.GovernorInvalidSignature", {
      en: /signature does not match/,
      ko: /서명이/,
    });
    expect(await chain.dao.governor.read.hasVoted([postedTo, bob.address])).toBe(false);
  });

  it("refuses a ballot naming a member as voter but signed by someone else", async () => {
    const proposalId = await chain.propose("Relay: a forged ballot");
    await chain.openVoting();
    const nonce = await chain.dao.governor.read.nonces([bob.address, proposalId]);
    const ballot = { proposalId, support: VOTE_SUPPORT.against, voter: bob.address, reason: "Not Bob." };
    const domain = { name: await chain.dao.governor.read.name(), chainId: LOCAL_CHAIN_ID, governor: chain.governor };
    const signature = await outsider.signTypedData(ballotTypedData(domain, ballot, nonce));
    const body = { ...ballot, proposalId: String(proposalId), signature };
    await expectRefused(() => relayVote(server(), { body, ip: freshIp() }), 422, "error.GovernorInvalidSignature");
    expect(await chain.dao.governor.read.hasVoted([proposalId, bob.address])).toBe(false);
  });

  it("refuses a non-member, who held no votes at the proposal's snapshot", async () => {
    const proposalId = await chain.propose("Relay: an outsider votes");
    await chain.openVoting();
    const body = await signedVote(outsider, { proposalId, support: VOTE_SUPPORT.for, reason: "Let me in." });
    await expectRefused(() => relayVote(server(), { body, ip: freshIp() }), 422, "relay.noVotes", {
      en: /held no votes/,
      ko: /투표권이 없었/,
    });
    expect(await chain.dao.governor.read.hasVoted([proposalId, outsider.address])).toBe(false);
  });

  it("refuses a member who already voted with their own transaction", async () => {
    const proposalId = await chain.propose("Relay: voted directly first");
    await chain.openVoting();
    const wallet = createWalletClient({ account: carol, transport: http(chain.rpcUrl) });
    const direct = await wallet.writeContract({
      address: chain.governor,
      abi: coverageGovernorAbi,
      functionName: "castVote",
      args: [proposalId, VOTE_SUPPORT.against],
      chain: null,
    });
    await chain.publicClient.waitForTransactionReceipt({ hash: direct });
    const body = await signedVote(carol, { proposalId, support: VOTE_SUPPORT.for, reason: "Changed my mind." });
    await expectRefused(() => relayVote(server(), { body, ip: freshIp() }), 409, "relay.alreadyVoted");
    expect(await chain.dao.governor.read.proposalVotes([proposalId])).toEqual([3n, 0n, 0n]);
  });

  it("refuses a vote on a closed proposal, naming its state", async () => {
    const proposalId = await chain.propose("Relay: too late");
    await chain.openVoting();
    const body = await signedVote(alice, { proposalId, support: VOTE_SUPPORT.for, reason: "" });
    await chain.closeVoting();
    await expectRefused(() => relayVote(server(), { body, ip: freshIp() }), 422, "relay.notActive", {
      en: /not open.*defeated/,
      ko: /부결/,
    });
  });

  it("refuses a ballot signed over a wrong nonce", async () => {
    const proposalId = await chain.propose("Relay: a bad nonce");
    await chain.openVoting();
    const nonce = await chain.dao.governor.read.nonces([bob.address, proposalId]);
    const body = await signedVote(bob, { proposalId, support: VOTE_SUPPORT.for, reason: "Next nonce." }, { nonce: nonce + 1n });
    await expectRefused(() => relayVote(server(), { body, ip: freshIp() }), 422, "error.GovernorInvalidSignature");
    expect(await chain.dao.governor.read.hasVoted([proposalId, bob.address])).toBe(false);
  });

  it("refuses a voter over the limit of signed votes per address, and a client over the limit per IP, even with a good vote", async () => {
    const first = await chain.propose("Relay: rate limits, first vote");
    const proposalId = await chain.propose("Relay: rate limits");
    await chain.openVoting();
    await database.db.deleteFrom("relay_rate_limits").execute(); // Carol's votes in earlier tests count too
    const byAddress = server({ limits: { perAddress: 1, perIp: 1_000, windowSeconds: 3_600 } });
    const once = await relayVote(byAddress, {
      body: await signedVote(carol, { proposalId: first, support: VOTE_SUPPORT.for, reason: "" }),
      ip: freshIp(),
    });
    expect((await settled(byAddress, progressOf(once).id)).state).toBe("confirmed");
    const good = await signedVote(carol, { proposalId, support: VOTE_SUPPORT.for, reason: "Second vote." });
    const limited = await expectRefused(() => relayVote(byAddress, { body: good, ip: freshIp() }), 429, "relay.rateLimitedAddress", {
      en: /Too many vote requests for this address/,
      ko: /이 주소로/,
    });
    expect(Number(limited.headers?.["Retry-After"])).toBeGreaterThan(0);
    expect(await chain.dao.governor.read.hasVoted([proposalId, carol.address])).toBe(false);

    // Another server shares the count: the database keeps it, not the process.
    const elsewhere = server({ limits: { perAddress: 1, perIp: 1_000, windowSeconds: 3_600 } });
    await expectRefused(() => relayVote(elsewhere, { body: good, ip: freshIp() }), 429, "relay.rateLimitedAddress");

    const byIp = server({ limits: { perAddress: 1_000, perIp: 1, windowSeconds: 3_600 } });
    const ip = freshIp();
    await expectRefused(
      async () => relayVote(byIp, { body: await signedVote(outsider, { proposalId, support: VOTE_SUPPORT.for, reason: "" }), ip }),
      422,
      "relay.noVotes",
    );
    await expectRefused(
      async () => relayVote(byIp, { body: await signedVote(bob, { proposalId, support: VOTE_SUPPORT.for, reason: "" }), ip }),
      429,
      "relay.rateLimitedIp",
    );
  });

  it("does not let anyone use up a member's requests by posting ballots that name them but that they did not sign", async () => {
    const proposalId = await chain.propose("Relay: a member's limit spent by someone else");
    await chain.openVoting();
    const relay = server({ limits: { perAddress: 2, perIp: 1_000, windowSeconds: 3_600 } });
    const nonce = await chain.dao.governor.read.nonces([bob.address, proposalId]);
    const domain = { name: await chain.dao.governor.read.name(), chainId: LOCAL_CHAIN_ID, governor: chain.governor };
    const ballot = { proposalId, support: VOTE_SUPPORT.against, voter: bob.address, reason: "" };
    const forged = {
      ...ballot,
      proposalId: String(proposalId),
      signature: await outsider.signTypedData(ballotTypedData(domain, ballot, nonce)),
    };
    // The attacker posts more forged ballots than Bob's limit, each from another address.
    for (let attempt = 0; attempt < 3; attempt++)
      await expectRefused(() => relayVote(relay, { body: forged, ip: freshIp() }), 422, "error.GovernorInvalidSignature");
    const own = await signedVote(bob, { proposalId, support: VOTE_SUPPORT.for, reason: "My own vote." });
    expect((await settled(relay, progressOf(await relayVote(relay, { body: own, ip: freshIp() })).id)).state).toBe("confirmed");
    expect(await chain.dao.governor.read.proposalVotes([proposalId])).toEqual([0n, 3n, 0n]);
  });

  it("refuses, sending nothing, a vote whose transaction would cost the relayer more gas than its cap", async () => {
    const proposalId = await chain.propose("Relay: a costly vote");
    await chain.openVoting();
    // A voter's contract wallet could burn any gas checking its signature, or carry a huge one:
    // here a long reason makes an honest vote costlier than a cap set low for the test.
    const body = await signedVote(alice, { proposalId, support: VOTE_SUPPORT.for, reason: "비용".repeat(500) });
    await expectRefused(() => relayVote(server({ maxGas: 100_000n }), { body, ip: freshIp() }), 422, "relay.tooCostly", {
      en: /100000 gas/,
      ko: /100000 가스/,
    });
    expect(await chain.dao.governor.read.hasVoted([proposalId, alice.address])).toBe(false);
    // Under the default cap the same vote goes through, sent with the gas that was checked.
    const sent = progressOf(await relayVote(server(), { body, ip: freshIp() }));
    const transaction = await chain.publicClient.getTransaction({ hash: sent.transactionHash as Hash });
    expect(transaction.gas).toBeLessThanOrEqual(config.maxGas);
    expect((await settled(server(), sent.id)).state).toBe("confirmed");
  });

  it("stops relaying, saying so, while the relayer's balance is under its floor", async () => {
    const proposalId = await chain.propose("Relay: an empty relayer");
    await chain.openVoting();
    const relay = server();
    const body = await signedVote(alice, { proposalId, support: VOTE_SUPPORT.for, reason: "Fund it." });
    const balance = await chain.publicClient.getBalance({ address: relayer.address });
    await chain.testClient.setBalance({ address: relayer.address, value: config.minBalance - 1n });
    try {
      await expectRefused(() => relayVote(relay, { body, ip: freshIp() }), 503, "relay.lowBalance", {
        en: /paused.*own transaction/,
        ko: /잔액이 부족/,
      });
    } finally {
      await chain.testClient.setBalance({ address: relayer.address, value: balance });
    }
    expect(await chain.dao.governor.read.hasVoted([proposalId, alice.address])).toBe(false);
    // Funded again, the same vote goes through.
    expect((await settled(relay, progressOf(await relayVote(relay, { body, ip: freshIp() })).id)).state).toBe("confirmed");
  });

  it("refuses malformed requests and an over-long reason before asking the chain", async () => {
    const relay = server();
    await expectRefused(() => relayVote(relay, { body: { proposalId: "1", support: 7 }, ip: freshIp() }), 400, "relay.badRequest");
    const body = { proposalId: "1", support: 1, voter: alice.address, reason: "x".repeat(1_001), signature: "0x1234" };
    await expectRefused(() => relayVote(relay, { body, ip: freshIp() }), 400, "relay.reasonTooLong");
    expect(await voteProgress(relay, "not-a-vote")).toBeNull();
  });
});

describe("the relayer's key", () => {
  it("defaults on the local chain to test account #17, which no seed or test uses", () => {
    expect(config.relayer.address).toBe(testSigner(LOCAL_RELAYER_INDEX).address);
    expect(config.minBalance).toBe(parseEther("0.05"));
  });

  it("is required off the local chain, and may not be a well-known test key there", () => {
    expect(() => readRelayConfig({}, 8217)).toThrow(EnvError);
    expect(() => readRelayConfig({}, 8217)).toThrow(/RELAYER_PRIVATE_KEY: required/);
    const testKey = `0x${Buffer.from(testSigner(5).getHdKey().privateKey!).toString("hex")}`;
    expect(() => readRelayConfig({ RELAYER_PRIVATE_KEY: testKey }, 8217)).toThrow(/RELAYER_PRIVATE_KEY: is a well-known test key/);
    expect(() => readRelayConfig({ RELAYER_PRIVATE_KEY: "0x1234" }, 8217)).toThrow(/RELAYER_PRIVATE_KEY: must be a private key/);
    expect(() => readRelayConfig({ RELAY_MAX_PER_IP: "lots" }, LOCAL_CHAIN_ID)).toThrow(/RELAY_MAX_PER_IP/);
  });
});
