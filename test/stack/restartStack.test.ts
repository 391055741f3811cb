import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createPublicClient, createWalletClient, http } from "viem";
import { mnemonicToAccount } from "viem/accounts";
import { foundry } from "viem/chains";
import { describe, expect, it } from "vitest";
import { type LocalStack, startLocalStack } from "../../scripts/stack/localStack.ts";
import { waitFor } from "../../scripts/stack/processes.ts";
import { collectEdition, purchasePass } from "../../web/src/contracts/writes.ts";
import { articleEditionsAbi, coverageGovernorAbi, LOCAL_CHAIN_ID, membershipPassAbi } from "../../web/src/generated/contracts.ts";
import { publishWithCli } from "../web/publishCli.ts";

// The whole local publication stopped the way Ctrl-C stops `npm start` (start.ts's SIGINT
// handler runs `stack.stop`), then started again on the same data folder: every article, pass
// and edition is still there, nothing is deployed or seeded twice, and the pages show it.

const ARTICLE = join(import.meta.dirname, "../content/fixtures/premium-with-image/article.en.md");
const holder = mnemonicToAccount("test test test test test test test test test test test junk", { addressIndex: 9 });

const start = (dataDir: string, log: string[]) =>
  startLocalStack({
    dataDir,
    ports: { chain: 0, ipfsApi: 0, ipfsGateway: 0, ipfsSwarm: 0, database: 0, indexer: 0, web: 0 },
    // The browser tests' build: built once here, found current by their setup.
    web: { distDir: ".next-test", testWallet: true },
    quiet: true,
    log: (line) => log.push(line),
  });

function clients(stack: LocalStack) {
  const chain = { ...foundry, id: LOCAL_CHAIN_ID, rpcUrls: { default: { http: [stack.rpcUrl] } } };
  return {
    publicClient: createPublicClient({ chain, transport: http() }),
    wallet: createWalletClient({ account: holder, chain, transport: http() }),
  };
}

describe("npm start after Ctrl-C", () => {
  it("resumes the same publication: articles, passes, editions and pages", { timeout: 600_000 }, async () => {
    const dataDir = mkdtempSync(join(tmpdir(), "topnftpost-restart-"));
    const firstLog: string[] = [];
    const first = await start(dataDir, firstLog);
    // Written by the stack's deploy (the generated constants were imported before it ran).
    const { contracts } = JSON.parse(readFileSync(join(import.meta.dirname, "../../deployments/31337.json"), "utf8"));
    const pass = contracts.MembershipPass.address as `0x${string}`;
    const editions = contracts.ArticleEditions.address as `0x${string}`;
    const governor = contracts.CoverageGovernor.address as `0x${string}`;
    let before: { articles: bigint; passes: bigint; editions: bigint; block: bigint };
    const title = `Still here after a restart ${Date.now()}`;
    try {
      await publishWithCli([ARTICLE, `--title=${title}`, `--slug=restart-${Date.now()}`], first);
      const { publicClient, wallet } = clients(first);
      const [tier] = await publicClient.readContract({ address: pass, abi: membershipPassAbi, functionName: "tier", args: [1n] });
      const bought = await wallet.writeContract({
        ...purchasePass(pass, { id: 1, price: tier.price }, holder.address),
        account: holder,
        chain: wallet.chain,
      });
      await publicClient.waitForTransactionReceipt({ hash: bought });
      const articles = await publicClient.readContract({ address: editions, abi: articleEditionsAbi, functionName: "articleCount" });
      const [, sale] = await publicClient.readContract({
        address: editions,
        abi: articleEditionsAbi,
        functionName: "article",
        args: [articles],
      });
      const collected = await wallet.writeContract({
        ...collectEdition(editions, articles, sale.price, holder.address),
        account: holder,
        chain: wallet.chain,
      });
      await publicClient.waitForTransactionReceipt({ hash: collected });
      before = {
        articles,
        passes: await publicClient.readContract({
          address: pass,
          abi: membershipPassAbi,
          functionName: "balanceOf",
          args: [holder.address],
        }),
        editions: await publicClient.readContract({
          address: editions,
          abi: articleEditionsAbi,
          functionName: "balanceOf",
          args: [holder.address, articles],
        }),
        block: await publicClient.getBlockNumber(),
      };
      expect(before.passes).toBe(1n);
      expect(before.editions).toBe(1n);
    } finally {
      await first.stop();
    }

    const secondLog: string[] = [];
    const second = await start(dataDir, secondLog);
    try {
      const { publicClient } = clients(second);
      expect(await publicClient.getBlockNumber()).toBeGreaterThanOrEqual(before.block);
      expect(await publicClient.readContract({ address: editions, abi: articleEditionsAbi, functionName: "articleCount" })).toBe(
        before.articles,
      );
      expect(
        await publicClient.readContract({ address: pass, abi: membershipPassAbi, functionName: "balanceOf", args: [holder.address] }),
      ).toBe(before.passes);
      expect(
        await publicClient.readContract({
          address: editions,
          abi: articleEditionsAbi,
          functionName: "balanceOf",
          args: [holder.address, before.articles],
        }),
      ).toBe(before.editions);
      // Resumed, not redone: no second deploy, and the seed found every article already published.
      const log = secondLog.join("\n");
      expect(log).toContain("The contracts are already on this chain");
      expect(log).not.toContain("Deploying the contracts");
      // The seeded proposals are not proposed again; one is open for votes (a fresh one only if
      // the first start's active proposal had closed meanwhile).
      const proposals = await publicClient.readContract({ address: governor, abi: coverageGovernorAbi, functionName: "proposalCount" });
      expect(proposals === 5n || proposals === 6n).toBe(true);
      const states = await Promise.all(
        Array.from({ length: Number(proposals) }, (_, i) =>
          publicClient.readContract({ address: governor, abi: coverageGovernorAbi, functionName: "state", args: [BigInt(i + 1)] }),
        ),
      );
      expect(states.some((state) => state === 0 || state === 1)).toBe(true); // pending or active
      // The pages read the index, which resumes from its own data and catches up with the chain.
      const started = Date.now();
      await waitFor(
        "the restarted front page to list the article",
        async () => (await (await fetch(second.siteUrl)).text()).includes(title),
        120_000,
      );
      console.log(
        `[restart] the front page listed the article again ${((Date.now() - started) / 1000).toFixed(1)} s after the stack was up`,
      );
    } finally {
      await second.stop();
    }
  });
});
