// The sitemap index: one child sitemap (`/sitemaps/<n>.xml`) per 50,000 article ids, from the index.
import { sitemapIndexXml } from "@/server/archive.ts";
import { xmlResponse } from "@/server/xmlResponse.ts";

export const dynamic = "force-dynamic";

export function GET() {
  return xmlResponse("application/xml", sitemapIndexXml);
}
