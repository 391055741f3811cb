import type { MetadataRoute } from "next";
import { serverConfig } from "@/server/serverConfig.ts";

export const dynamic = "force-dynamic";

/** Everything public may be crawled; the sitemap index names every article. */
export default function robots(): MetadataRoute.Robots {
  return { rules: { userAgent: "*", allow: "/" }, sitemap: new URL("/sitemap.xml", serverConfig().site).href };
}
