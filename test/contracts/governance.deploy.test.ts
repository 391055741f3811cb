import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { type Address, getAddress, keccak256, toHex, zeroHash } from "viem";
import { connectGovernance, FOUNDING_WEIGHT, type Governance } from "../helpers/governanceFixture.ts";

const loadGovernance = await connectGovernance();
const role = (name: string) => keccak256(toHex(name));

/** Every (role, holder) pair a contract's RoleGranted and RoleRevoked events leave standing. */
async function roleHolders(g: Governance, contract: Governance["pass"] | Governance["editions"] | Governance["timelock"]) {
  const logs = await g.publicClient.getContractEvents({ address: contract.address, abi: contract.abi, fromBlock: 0n });
  const held = new Set<string>();
  for (const log of logs) {
    if (log.eventName !== "RoleGranted" && log.eventName !== "RoleRevoked") continue;
    const { role: granted, account } = log.args as { role: `0x${string}`; account: Address };
    const key = `${granted}:${getAddress(account)}`;
    if (log.eventName === "RoleGranted") held.add(key);
    else held.delete(key);
  }
  return [...held].map((key) => {
    const [granted, account] = key.split(":");
    return { role: granted, account: account as Address };
  });
}

describe("Governed deploy: the timelock holds every admin power", () => {
  it("leaves no externally owned account with an admin role on any contract", async () => {
    const g = await loadGovernance();
    for (const contract of [g.pass, g.editions, g.timelock]) {
      const admins = (await roleHolders(g, contract)).filter((held) => held.role === zeroHash);
      assert.deepEqual(
        admins.map((held) => held.account),
        [getAddress(g.timelock.address)],
        `${contract.address}: the timelock is the only admin`,
      );
      for (const { account } of admins) assert.ok(await g.publicClient.getCode({ address: account }), `${account} is a contract`);
    }
    const me = g.accounts.editor.account.address;
    assert.equal(await g.pass.read.hasRole([zeroHash, me]), false);
    assert.equal(await g.editions.read.hasRole([zeroHash, me]), false);
    assert.equal(await g.timelock.read.hasRole([zeroHash, me]), false);
  });

  it("gives the timelock's powers to the governor alone, and the configured roles to the configured people", async () => {
    const g = await loadGovernance();
    const timelockRoles = (await roleHolders(g, g.timelock)).filter((held) => held.role !== zeroHash);
    assert.deepEqual(
      timelockRoles.map((held) => held.account),
      [getAddress(g.governor.address), getAddress(g.governor.address), getAddress(g.governor.address)],
    );
    const editor = getAddress(g.accounts.editor.account.address);
    assert.deepEqual(await roleHolders(g, g.editions), [
      { role: role("PUBLISHER_ROLE"), account: editor },
      { role: zeroHash, account: getAddress(g.timelock.address) },
    ]);
    assert.equal(await g.pass.read.hasRole([role("MANAGER_ROLE"), editor]), true);
    assert.equal(await g.governor.read.proposalGuardian(), editor);
  });

  it("makes the timelock the treasury, and founding members hold self-delegated votes on day one", async () => {
    const g = await loadGovernance();
    assert.equal(await g.pass.read.treasury(), getAddress(g.timelock.address));
    assert.equal(await g.editions.read.treasury(), getAddress(g.timelock.address));
    assert.equal(await g.pass.read.CLOCK_MODE(), "mode=timestamp");
    assert.equal(await g.governor.read.CLOCK_MODE(), "mode=timestamp");
    assert.equal(await g.governor.read.timelock(), getAddress(g.timelock.address));
    for (const member of [g.accounts.alice, g.accounts.bob, g.accounts.carol]) {
      assert.equal(await g.pass.read.getVotes([member.account.address]), FOUNDING_WEIGHT);
      assert.equal(await g.pass.read.delegates([member.account.address]), getAddress(member.account.address));
    }
    assert.equal(await g.pass.read.tierCount(), BigInt(g.settings.tiers.length));
  });

  it("refuses treasury moves and role grants from anyone but the timelock", async () => {
    const g = await loadGovernance();
    const { editor, outsider } = g.accounts;
    for (const wallet of [editor, outsider]) {
      const mine = await g.as(wallet);
      const account = getAddress(wallet.account.address);
      await g.viem.assertions.revertWithCustomErrorWithArgs(
        mine.pass.write.setTreasury([account]),
        g.pass,
        "AccessControlUnauthorizedAccount",
        [account, zeroHash],
      );
      await g.viem.assertions.revertWithCustomErrorWithArgs(
        mine.editions.write.setTreasury([account]),
        g.editions,
        "AccessControlUnauthorizedAccount",
        [account, zeroHash],
      );
      await g.viem.assertions.revertWithCustomErrorWithArgs(
        mine.editions.write.grantRole([role("PUBLISHER_ROLE"), account]),
        g.editions,
        "AccessControlUnauthorizedAccount",
        [account, zeroHash],
      );
      await g.viem.assertions.revertWithCustomErrorWithArgs(
        mine.pass.write.grantRole([zeroHash, account]),
        g.pass,
        "AccessControlUnauthorizedAccount",
        [account, zeroHash],
      );
    }
    // The timelock moves its funds only through an operation the governor scheduled.
    const timelock = await g.viem.getContractAt("TimelockController", g.timelock.address, { client: { wallet: outsider } });
    await g.viem.assertions.revertWithCustomErrorWithArgs(
      timelock.write.execute([outsider.account.address, 1n, "0x", zeroHash, zeroHash]),
      g.timelock,
      "AccessControlUnauthorizedAccount",
      [getAddress(outsider.account.address), role("EXECUTOR_ROLE")],
    );
  });
});
