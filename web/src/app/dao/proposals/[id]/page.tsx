import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { CommissionIsland, ProposalIsland } from "@/components/DaoIslands.tsx";
import { ProposalStatus } from "@/components/ProposalStatus.tsx";
import { actionText, timeLeft } from "@/dao/actionText.ts";
import { describeAction } from "@/dao/describeAction.ts";
import { formatDate, formatPrice, shortAddress } from "@/i18n/formatting.ts";
import { format, type Locale, MESSAGES } from "@/i18n/messages.ts";
import { articlesByIds } from "@/server/catalog.ts";
import { commissionFacts, fulfilCandidates } from "@/server/commissionFacts.ts";
import { chainNow, daoAddresses, dryRun, indexedProposal, proposalChainFacts } from "@/server/dao.ts";
import { serverTranslator } from "@/server/locale.ts";
import type { CommissionFacts } from "@/server/commissionFacts.ts";
import { pageUnlessUnavailable } from "@/server/pageUnlessUnavailable.tsx";
import { articleReader } from "@/server/publication.ts";
import { renderPublicMarkdown } from "@/server/renderMarkdown.ts";
import { unavailableService } from "@/server/serviceUnavailable.ts";
import { walletSetupFor } from "@/server/walletSetupFor.ts";

interface Props {
  params: Promise<{ id: string }>;
}

export const metadata: Metadata = { title: "Proposal" };

export default function ProposalPage(props: Props) {
  return pageUnlessUnavailable(() => proposalPage(props));
}

/**
 * The description's Markdown without its title line (the page's h1 shows it), its headings moved
 * under the page's "Description" (h2): a reader moving by headings meets no second h1.
 */
const underPageHeadings = (markdown: string) => markdown.replace(/^#\s[^\n]*\n+/, "").replace(/^(#{1,4})(?=\s)/gm, "##$1");

const SUPPORT_KEYS = ["proposal.voteAgainst", "proposal.voteFor", "proposal.voteAbstain"] as const;

async function proposalPage({ params }: Props) {
  const { locale, t } = await serverTranslator();
  const { id: raw } = await params;
  const dao = daoAddresses();
  if (!dao || !/^\d{1,78}$/.test(raw)) notFound();
  const proposal = await indexedProposal(BigInt(raw));
  if (!proposal) notFound();
  const id = BigInt(proposal.id);
  const [facts, now] = await Promise.all([proposalChainFacts(dao, [id]), chainNow()]);
  const fact = facts.get(proposal.id)!;
  // Content that fails its checks is left out, saying so; an IPFS that does not answer makes the page a 503.
  const description = proposal.descriptionCid
    ? await (await articleReader()).previewByCid(proposal.descriptionCid).then(
        (markdown) => renderPublicMarkdown(proposal.descriptionCid!, underPageHeadings(markdown)),
        (error: unknown) => {
          if (unavailableService(error)) throw error;
          return null;
        },
      )
    : null;
  const executed = fact.state === "executed";
  const trial = executed ? [] : await dryRun(dao, proposal.actions);
  const topicTitle = (cid: string) => (cid === proposal.descriptionCid ? proposal.title : null);
  // The desk says where each commission stands now (the index may not have seen the last step yet).
  const desk = await commissionFacts(
    dao,
    proposal.commissions.map((c) => BigInt(c.id)),
  );
  const onChain = new Map(desk.map((c) => [c.id, c]));
  const articleIds = desk.flatMap((c) => (c.articleId ? [BigInt(c.articleId)] : []));
  const articles = articleIds.length ? await articlesByIds(articleIds) : [];
  const candidates = Object.fromEntries(
    await Promise.all(
      desk
        .filter((c) => c.status === "open" && Number(now) < c.deadline)
        .map(async (c) => [c.id, await fulfilCandidates(dao, c.firstArticleId)] as const),
    ),
  );

  return (
    <>
      <p>
        <Link href="/dao">← {t("dao.title")}</Link>
      </p>
      <h1>{t("proposal.title", { id: proposal.id, title: proposal.title || t("dao.untitled") })}</h1>
      <p className="muted">
        {t("proposal.proposedBy", { proposer: shortAddress(proposal.proposer), date: formatDate(BigInt(proposal.createdAt), locale) })}
      </p>
      <ProposalStatus facts={fact} now={now} locale={locale} />
      {["active", "succeeded", "queued"].includes(fact.state) && (
        // A heading for the wallet dialog's own (h3) to sit under.
        <>
          <h2>{t("proposal.takePart")}</h2>
          <ProposalIsland
            setup={walletSetupFor(locale)}
            governor={dao.governor}
            proposalId={proposal.id}
            state={fact.state}
            snapshot={fact.snapshot.toString()}
            eta={fact.eta.toString()}
            now={now.toString()}
          />
        </>
      )}

      <h2>{t("proposal.actions")}</h2>
      <ol data-testid="proposal-actions">
        {proposal.actions.map((action, i) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: a proposal's actions never change; their place is their identity
          <li key={i}>
            {actionText(describeAction(action, dao.deployed), locale, topicTitle)}
            <br />
            <span className="muted" data-testid="dry-run">
              {executed
                ? t("proposal.executed")
                : trial[i].ok
                  ? `${t("proposal.dryRun")}: ${t("proposal.dryRunOk")}`
                  : `${t("proposal.dryRun")}: ${t("proposal.dryRunFailed", { reason: trial[i].reason ?? "" })}`}
            </span>
          </li>
        ))}
      </ol>

      {proposal.commissions.length > 0 && (
        <>
          <h2>{t("proposal.commissions")}</h2>
          <ul data-testid="proposal-commissions">
            {proposal.commissions.map((c) => {
              const chain = onChain.get(c.id);
              const status = chain && chain.status !== "none" ? chain.status : c.status;
              const article = articles.find((a) => a.id === chain?.articleId);
              return (
                <li key={c.id}>
                  {t("dao.commissionLine", {
                    id: c.id,
                    title: c.title ?? c.topicCid,
                    bounty: formatPrice(c.bounty, locale),
                    date: formatDate(BigInt(c.deadline), locale),
                  })}{" "}
                  · <span data-testid="commission-status">{t(`dao.commission.${status}`)}</span>
                  {chain && <CommissionStep facts={chain} now={now} rejections={c.rejections} locale={locale} />}
                  {article && (
                    <>
                      <br />
                      <Link href={`/articles/${article.slug}`} data-testid="fulfilling-article">
                        {t("proposal.fulfilledBy", { title: article.title })}
                      </Link>
                    </>
                  )}
                </li>
              );
            })}
          </ul>
          <CommissionIsland
            setup={walletSetupFor(locale)}
            desk={dao.desk}
            governor={dao.governor}
            commissions={desk}
            candidates={candidates}
            now={Number(now)}
          />
        </>
      )}

      <h2>{t("proposal.description")}</h2>
      {description === null ? (
        <p>{proposal.descriptionCid ? t("proposal.descriptionMissing") : proposal.description}</p>
      ) : (
        // Sanitized on the server like article previews (renderPublicMarkdown).
        // biome-ignore lint/security/noDangerouslySetInnerHtml: sanitized Markdown
        <div className="article-body" dangerouslySetInnerHTML={{ __html: description }} />
      )}

      <h2>{t("proposal.votes")}</h2>
      {proposal.votes.length === 0 && <p>{t("proposal.noVotes")}</p>}
      <ul data-testid="proposal-votes">
        {proposal.votes.map((vote) => (
          <li key={vote.voter}>
            {t("proposal.voteLine", {
              voter: shortAddress(vote.voter),
              support: t(SUPPORT_KEYS[vote.support] ?? "proposal.voteAbstain"),
              weight: vote.weight,
            })}
            {vote.reason && <q>{vote.reason}</q>}
          </li>
        ))}
      </ul>
    </>
  );
}

/** Where a commission's challenge window or deadline stands, and any fulfilment rejected before. */
function CommissionStep({ facts, now, rejections, locale }: { facts: CommissionFacts; now: bigint; rejections: number; locale: Locale }) {
  const t = MESSAGES[locale];
  const line =
    facts.status === "fulfilled"
      ? BigInt(facts.challengeEndsAt) > now
        ? format(t["desk.challengeEnds"], {
            date: formatDate(facts.challengeEndsAt, locale),
            time: timeLeft(now, BigInt(facts.challengeEndsAt), locale),
          })
        : t["desk.challengeOver"]
      : facts.status === "open" && BigInt(facts.deadline) <= now
        ? t["desk.pastDeadline"]
        : null;
  return (
    <>
      {line && (
        <>
          <br />
          <span data-testid="commission-step">{line}</span>
        </>
      )}
      {rejections > 0 && (
        <>
          <br />
          <span data-testid="commission-rejections">{format(t["desk.rejected"], { count: rejections })}</span>
        </>
      )}
    </>
  );
}
