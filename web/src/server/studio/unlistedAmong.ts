import "server-only";
import { articlesByIds } from "../catalog.ts";
import { nullWhileDown } from "../serviceUnavailable.ts";

/** Which of these published article ids the editors unlisted (from the index; none while it is down). */
export async function unlistedAmong(ids: (string | null)[]) {
  const published = [...new Set(ids.filter((id): id is string => id !== null))].map(BigInt);
  if (published.length === 0) return new Set<string>();
  const articles = (await nullWhileDown(articlesByIds(published))) ?? [];
  return new Set(articles.filter((article) => article.unlisted).map((article) => String(article.id)));
}
