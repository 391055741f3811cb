import "server-only";
import type { Address } from "viem";
import type { StudioViewer } from "@/studio/studioAccess.ts";
import { listPublished } from "@/studio/draftStore.ts";
import { index, rememberingLast } from "../catalog.ts";
import { serverDatabase } from "../database.ts";

/** Published articles per page of /studio: one indexed sales query each (the index takes 100 ids a call). */
export const FIGURES_PER_PAGE = 25;

export interface PublishedFigures {
  draftId: string;
  owner: string;
  title: string | null;
  articleId: bigint;
  /** Null while the index has not seen the article yet (a publish a moment ago). */
  sales: { sold: bigint; maxSupply: bigint; closed: boolean; owed: bigint } | null;
}

/**
 * The viewer's published articles (an editor's: every one the studio published), one page at a
 * time, with their sales from the event index, and what the editions contract owes the viewer in
 * all (the withdraw's list, as on /library). Index answers are remembered briefly, as the
 * catalog's are, and still shown (marked stale) while the indexer does not answer.
 */
export async function readStudioFigures(viewer: StudioViewer, before?: bigint) {
  const db = await serverDatabase();
  const page = await listPublished(db, viewer.address, viewer.isEditor, { before, limit: FIGURES_PER_PAGE + 1 });
  const shown = page.slice(0, FIGURES_PER_PAGE);
  const ids = shown.map((row) => row.published_article_id);
  const account = viewer.address as Address;
  const [sales, owed] = await Promise.all([
    rememberingLast(`studio-sales:${account}:${ids.join(",")}`, () => index().salesFor(account, ids)),
    rememberingLast(`studio-owed:${account}`, () => index().owedTo(account)),
  ]);
  const byId = new Map(sales.value.map((entry) => [entry.articleId, entry]));
  const articles: PublishedFigures[] = shown.map((row) => {
    const entry = byId.get(row.published_article_id);
    return {
      draftId: row.id,
      owner: row.owner,
      title: row.title,
      articleId: row.published_article_id,
      sales: entry ? { sold: entry.minted, maxSupply: entry.maxSupply, closed: entry.closedAt !== null, owed: entry.due } : null,
    };
  });
  return {
    articles,
    /** The next page's `before`, or null on the last page. */
    nextBefore: page.length > FIGURES_PER_PAGE ? shown[shown.length - 1]!.published_article_id : null,
    /** Everything the editions contract owes the viewer, from every article, and those articles' ids. */
    owed: { total: owed.value.editions.total, articleIds: owed.value.editions.articleIds.map(Number) },
    stale: sales.stale || owed.stale,
  };
}
