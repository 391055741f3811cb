// `npm run bench:gas`: gas of the publication's user operations on the in-process chain, each
// beside the nearest plain OpenZeppelin operation measured in the same run. Prints a table and
// writes bench/results/gas.json. Every measured call runs in a state that has been warmed up the
// way production is (the tier, article and vote checkpoints already written once), so the figures
// are what the next reader or collector pays.
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { network } from "hardhat";
import { zeroAddress, type Hash } from "viem";
import { deployPublication } from "../deploy/deployPublication.ts";
import { SAMPLE_TIERS } from "../seed/sampleTiers.ts";
import { measureGovernance } from "./governanceGas.ts";

const { viem, networkHelpers } = await network.create();
const publicClient = await viem.getPublicClient();
const wallets = await viem.getWalletClients();
const [admin, treasury, authorA, authorB, warmup] = wallets;
let nextFresh = 5;
/** A funded wallet that has never touched any contract in this run. */
const freshWallet = () => wallets[nextFresh++];
const gasOf = async (hash: Promise<Hash>) => Number((await publicClient.waitForTransactionReceipt({ hash: await hash })).gasUsed);

const { pass, editions } = await deployPublication(viem, {
  admin: admin.account.address,
  treasury: treasury.account.address,
  passReferralBps: 1_000,
  passRoyaltyBps: 500n,
  passContractURI: "",
  editionsContractURI: "",
});
const as = (wallet: (typeof wallets)[number]) => ({
  pass: viem.getContractAt("MembershipPass", pass.address, { client: { wallet } }),
  editions: viem.getContractAt("ArticleEditions", editions.address, { client: { wallet } }),
});
for (const tier of SAMPLE_TIERS) await pass.write.createTier([tier]);
const [readerTier, memberTier] = [1n, 3n];
const readerPrice = SAMPLE_TIERS[0].price;
const memberPrice = SAMPLE_TIERS[2].price;

const articleParams = {
  uri: "ipfs://QmYwAPJzv5CZsnA625s3Xf2nemtYgPpHdWEz79ojWnPbdG",
  price: 1_000_000_000_000_000n,
  maxSupply: 1_000,
  saleStart: 0,
  saleEnd: 0,
  walletCap: 10,
  premiumLevel: 1,
  royaltyReceiver: authorA.account.address,
  royaltyBps: 500n,
  authors: [
    { account: authorA.account.address, shareBps: 6_000 },
    { account: authorB.account.address, shareBps: 3_000 },
  ],
  treasuryBps: 1_000,
  referralBps: 1_000,
};
const operations: Record<string, { gas: number; baseline: number | null; baselineName: string; notes?: string[] }> = {};

// ----- baselines: plain OpenZeppelin tokens, warmed up like the real ones -----
const erc1155 = await viem.deployContract("BaselineERC1155");
const erc721 = await viem.deployContract("BaselineERC721");
const erc721Votes = await viem.deployContract("BaselineERC721Votes");
const baselineAs = (wallet: (typeof wallets)[number]) => ({
  erc1155: viem.getContractAt("BaselineERC1155", erc1155.address, { client: { wallet } }),
  erc721: viem.getContractAt("BaselineERC721", erc721.address, { client: { wallet } }),
  erc721Votes: viem.getContractAt("BaselineERC721Votes", erc721Votes.address, { client: { wallet } }),
});
await erc1155.write.mint([warmup.account.address, 1n, 1n]);
await erc721Votes.write.mint([warmup.account.address, 1n]);

const baselineCollector = freshWallet();
const b1155 = await baselineAs(baselineCollector).erc1155;
const erc1155First = await gasOf(b1155.write.mint([baselineCollector.account.address, 1n, 1n]));
const erc1155Repeat = await gasOf(b1155.write.mint([baselineCollector.account.address, 1n, 1n]));
const baselineFive = freshWallet();
const erc1155Five = await gasOf((await baselineAs(baselineFive).erc1155).write.mint([baselineFive.account.address, 1n, 5n]));
const baselineMinter = freshWallet();
const erc721Mint = await gasOf((await baselineAs(baselineMinter).erc721).write.mint([baselineMinter.account.address, 7n]));
const erc721Transfer = await gasOf(
  (await baselineAs(baselineMinter).erc721).write.transferFrom([baselineMinter.account.address, freshWallet().account.address, 7n]),
);
const baselineVoter = freshWallet();
const erc721VotesMint = await gasOf((await baselineAs(baselineVoter).erc721Votes).write.mint([baselineVoter.account.address, 2n]));

// ----- the publication -----
operations.publish_article = {
  gas: await gasOf(editions.write.publish([articleParams])),
  baseline: null,
  baselineName: "none: no OpenZeppelin equivalent",
};
await editions.write.publish([articleParams]); // a second article, to warm the article counter
const articleId = 1n;
await (await as(warmup).editions).write.collect([articleId, 1n, warmup.account.address, zeroAddress], {
  value: articleParams.price,
});

const collector = freshWallet();
const collectorEditions = await as(collector).editions;
const collectOne = () =>
  collectorEditions.write.collect([articleId, 1n, collector.account.address, zeroAddress], {
    value: articleParams.price,
  });
operations.collect_first = {
  gas: await gasOf(collectOne()),
  baseline: erc1155First,
  baselineName: "OpenZeppelin ERC1155 _mint of 1 to a new holder",
};
operations.collect_repeat = {
  gas: await gasOf(collectOne()),
  baseline: erc1155Repeat,
  baselineName: "OpenZeppelin ERC1155 _mint of 1 to an existing holder",
};
const fiveCollector = freshWallet();
operations.collect_five = {
  gas: await gasOf(
    (await as(fiveCollector).editions).write.collect([articleId, 5n, fiveCollector.account.address, zeroAddress], {
      value: articleParams.price * 5n,
    }),
  ),
  baseline: erc1155Five,
  baselineName: "OpenZeppelin ERC1155 _mint of 5 to a new holder",
};

await (await as(warmup).pass).write.purchase([readerTier, warmup.account.address, zeroAddress], { value: readerPrice });
await (await as(warmup).pass).write.purchase([memberTier, warmup.account.address, zeroAddress], { value: memberPrice });
const reader = freshWallet();
const readerPass = await as(reader).pass;
operations.purchase_reader_pass = {
  gas: await gasOf(readerPass.write.purchase([readerTier, reader.account.address, zeroAddress], { value: readerPrice })),
  baseline: erc721Mint,
  baselineName: "OpenZeppelin ERC721 _mint to a new holder",
};
const member = freshWallet();
operations.purchase_member_pass = {
  gas: await gasOf((await as(member).pass).write.purchase([memberTier, member.account.address, zeroAddress], { value: memberPrice })),
  baseline: erc721VotesMint,
  baselineName: "OpenZeppelin ERC721Votes _mint with self-delegation to a new holder",
};
const readerToken = await pass.read.passOf([reader.account.address, readerTier]);
operations.renew_pass = {
  gas: await gasOf(readerPass.write.renewSubscription([readerToken, BigInt(SAMPLE_TIERS[0].duration)], { value: readerPrice })),
  baseline: null,
  baselineName: "none: OpenZeppelin has no subscription extension",
};
operations.transfer_pass = {
  gas: await gasOf(readerPass.write.transferFrom([reader.account.address, freshWallet().account.address, readerToken])),
  baseline: erc721Transfer,
  baselineName: "OpenZeppelin ERC721 transferFrom to a new holder",
};
operations.withdraw = {
  gas: await gasOf(editions.write.withdraw([authorA.account.address, [articleId]])),
  baseline: null,
  baselineName: "none: an author's first withdrawal from one article, paid out in ETH",
};

operations.unlist_article = {
  // The second article, whose sale is open: the unlisting also closes it.
  gas: await gasOf(editions.write.unlist([2n, "Unlisted at the subject's legal request; holders keep their editions."])),
  baseline: null,
  baselineName: "none: closes the sale and records the reason in an event",
};

// ----- the coverage DAO: the last wallets, which no step above touches -----
Object.assign(
  operations,
  await measureGovernance(viem, networkHelpers.time, [wallets[15], wallets[16], wallets[17], wallets[18]], wallets[19]),
);

// ----- report -----
const targets: Record<string, number> = {
  collect_first: 70_000,
  purchase_reader_pass: 110_000,
  purchase_member_pass: 230_000,
  renew_pass: 45_000,
  // The OZ 5.7 measurements of this module set, plus 5%.
  propose: Math.round(306_000 * 1.05),
  cast_vote_first: Math.round(83_000 * 1.05),
  cast_vote: Math.round(68_000 * 1.05),
  cast_vote_by_sig: Math.round(101_000 * 1.05),
  queue: Math.round(163_000 * 1.05),
  execute_commission: Math.round(112_000 * 1.05),
};
const order = [
  "collect_first",
  "collect_repeat",
  "collect_five",
  "purchase_reader_pass",
  "purchase_member_pass",
  "renew_pass",
  "transfer_pass",
  "publish_article",
  "withdraw",
  "unlist_article",
  "propose",
  "cast_vote_first",
  "cast_vote_reaching_quorum",
  "cast_vote",
  "cast_vote_by_sig",
  "queue",
  "execute_commission",
  "fulfill_commission",
  "settle_commission",
  "withdraw_bounty",
];
const fmt = (n: number | null | undefined) => (n == null ? "-" : n.toLocaleString("en-US"));
console.log(`${"operation".padEnd(27)}${"gas".padStart(10)}${"baseline".padStart(10)}${"delta".padStart(9)}${"target".padStart(10)}`);
for (const name of order) {
  const { gas, baseline } = operations[name];
  const delta = baseline == null ? "-" : `${gas - baseline >= 0 ? "+" : ""}${fmt(gas - baseline)}`;
  const target = targets[name];
  const verdict = target == null ? "" : gas <= target ? "  ok" : "  OVER";
  console.log(
    `${name.padEnd(27)}${fmt(gas).padStart(10)}${fmt(baseline).padStart(10)}${delta.padStart(9)}${fmt(target).padStart(10)}${verdict}`,
  );
}
for (const name of order) {
  const { baselineName, notes } = operations[name];
  if (!notes?.length) continue;
  console.log(`\n${name}: baseline = ${baselineName}`);
  for (const note of notes) console.log(`  - ${note}`);
}
const out = join(import.meta.dirname, "../../bench/results/gas.json");
mkdirSync(join(out, ".."), { recursive: true });
writeFileSync(out, `${JSON.stringify({ operations: Object.fromEntries(order.map((n) => [n, operations[n]])) }, null, 2)}\n`);
console.log(`\nwrote ${out}`);
