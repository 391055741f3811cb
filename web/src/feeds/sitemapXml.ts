import { xmlText } from "./xmlText.ts";

// Sitemaps (sitemaps.org 0.9): an index naming child sitemaps, each a set of at most 50,000 URLs.

const NS = "http://www.sitemaps.org/schemas/sitemap/0.9";

export function sitemapIndexXml(sitemaps: string[]) {
  return `<?xml version="1.0" encoding="UTF-8"?>
<sitemapindex xmlns="${NS}">
${sitemaps.map((loc) => `  <sitemap><loc>${xmlText(loc)}</loc></sitemap>`).join("\n")}
</sitemapindex>
`;
}

export function urlSetXml(urls: { loc: string; lastModified: Date }[]) {
  return `<?xml version="1.0" encoding="UTF-8"?>
<urlset xmlns="${NS}">
${urls.map((url) => `  <url><loc>${xmlText(url.loc)}</loc><lastmod>${url.lastModified.toISOString()}</lastmod></url>`).join("\n")}
</urlset>
`;
}
