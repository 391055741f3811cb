// Child sitemap n (`/sitemaps/0.xml`, `/sitemaps/1.xml`, …): the listed articles with ids
// n·50,000 + 1 to (n + 1)·50,000, each by its article page's URL.
import { sitemapXml } from "@/server/archive.ts";
import { badRequest, xmlResponse } from "@/server/xmlResponse.ts";

export const dynamic = "force-dynamic";

export async function GET(_request: Request, { params }: { params: Promise<{ page: string }> }) {
  const match = /^(\d{1,6})\.xml$/.exec((await params).page);
  if (!match) return badRequest("A sitemap is named like /sitemaps/0.xml", "사이트맵 주소는 /sitemaps/0.xml 형식입니다");
  return xmlResponse("application/xml", () => sitemapXml(Number(match[1])));
}
