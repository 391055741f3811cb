import { network } from "hardhat";
import { parseEther, type Address } from "viem";
import { deployPublication } from "../../scripts/deploy/deployPublication.ts";

export const DAY = 86_400n;
export const MONTH = 30n * DAY;

/** The tiers most tests use: a monthly reader tier, a higher reader tier and a voting member tier. */
export const TIERS = {
  reader: {
    name: "Reader",
    price: parseEther("0.01"),
    duration: Number(MONTH),
    maxSupply: 0,
    level: 1,
    votingWeight: 0,
    transferable: true,
    saleOpen: true,
    metadataURI: "ipfs://reader",
  },
  premium: {
    name: "Premium reader",
    price: parseEther("0.03"),
    duration: Number(MONTH),
    maxSupply: 3,
    level: 2,
    votingWeight: 0,
    transferable: false,
    saleOpen: true,
    metadataURI: "ipfs://premium",
  },
  member: {
    name: "Member",
    price: parseEther("0.2"),
    duration: 0,
    maxSupply: 100,
    level: 2,
    votingWeight: 3,
    transferable: true,
    saleOpen: true,
    metadataURI: "ipfs://member",
  },
} as const;
export const TIER_IDS = { reader: 1n, premium: 2n, member: 3n } as const;

/** An article sale with two authors and the treasury: 60% / 30% / 10%, 10% referral. */
export function articleParams(authors: readonly [Address, Address], overrides: Record<string, unknown> = {}) {
  return {
    uri: "ipfs://QmArticleMetadata",
    price: parseEther("0.001"),
    maxSupply: 100,
    saleStart: 0,
    saleEnd: 0,
    walletCap: 5,
    premiumLevel: 1,
    royaltyReceiver: authors[0],
    royaltyBps: 500n,
    authors: [
      { account: authors[0], shareBps: 6_000 },
      { account: authors[1], shareBps: 3_000 },
    ],
    treasuryBps: 1_000,
    referralBps: 1_000,
    ...overrides,
  };
}

type Connection = Awaited<ReturnType<typeof network.create>>;

/** Deploys the publication with the deploy script, creates the tiers and publishes one article. */
async function deployFixture(connection: Connection) {
  const { viem, networkHelpers } = connection;
  const [admin, treasury, alice, bob, carol, authorA, authorB, referrer] = await viem.getWalletClients();
  const publicClient = await viem.getPublicClient();
  const publication = await deployPublication(viem, {
    admin: admin.account.address,
    treasury: treasury.account.address,
    passReferralBps: 1_000,
    passRoyaltyBps: 500n,
    passContractURI: "ipfs://pass-collection",
    editionsContractURI: "ipfs://editions-collection",
  });
  const { pass, editions } = publication;
  for (const config of Object.values(TIERS)) await pass.write.createTier([config]);
  await editions.write.publish([articleParams([authorA.account.address, authorB.account.address])]);

  /** The two contracts as seen by another wallet. */
  const as = async (wallet: typeof alice) => ({
    pass: await viem.getContractAt("MembershipPass", pass.address, { client: { wallet } }),
    editions: await viem.getContractAt("ArticleEditions", editions.address, { client: { wallet } }),
  });
  return {
    viem,
    networkHelpers,
    publicClient,
    ...publication,
    accounts: { admin, treasury, alice, bob, carol, authorA, authorB, referrer },
    as,
  };
}

/**
 * Opens one in-process chain for a test file and returns a loader that gives every test a fresh
 * copy of the deployed publication (a snapshot restore after the first deploy).
 */
export async function connectPublication() {
  const connection = await network.create();
  const fixture = () => deployFixture(connection);
  return () => connection.networkHelpers.loadFixture(fixture);
}

export type Publication = Awaited<ReturnType<typeof deployFixture>>;
