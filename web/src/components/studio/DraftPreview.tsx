"use client";
import { useEffect, useState } from "react";
import { PREMIUM_MARKER } from "@/content/premiumMarker.ts";
import { type Locale, MESSAGES } from "@/i18n/messages.ts";
import { studioFetch } from "./studioFetch.ts";

/**
 * The draft as the article page shows it: the free part rendered by the server's sanitizer (as the
 * article page renders it), the premium part by renderPremium in the browser (as the article page
 * does once unlocked), the marker drawn as a divider between them.
 */
export function DraftPreview({ locale, markdown, gatewayUrl }: { locale: Locale; markdown: string; gatewayUrl: string }) {
  const t = MESSAGES[locale];
  const [free, setFree] = useState("");
  const [premium, setPremium] = useState<string | null>(null);
  useEffect(() => {
    let live = true;
    const timer = setTimeout(async () => {
      const result = await studioFetch(locale, "/api/studio/preview", { method: "POST", json: { markdown } });
      if (live && !result.problem) setFree(String(result.body.free));
      const [, ...rest] = markdown.split(PREMIUM_MARKER);
      if (rest.length === 0) return live && setPremium(null);
      const { renderPremium } = await import("@/components/renderPremium.ts");
      if (live) setPremium(rest.map((part) => renderPremium(part, gatewayUrl)).join(""));
    }, 300);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [locale, markdown, gatewayUrl]);
  return (
    <section aria-labelledby="preview-title" className="studio-preview">
      <h2 id="preview-title">{t["studio.editor.preview"]}</h2>
      {/* biome-ignore lint/security/noDangerouslySetInnerHtml: sanitized by the article page's own sanitizer */}
      <div className="prose" data-testid="preview-free" dangerouslySetInnerHTML={{ __html: free }} />
      {premium !== null && (
        <>
          <hr className="premium-divider" />
          <p className="premium-divider-label" data-testid="premium-divider">
            {t["studio.editor.premiumDivider"]}
          </p>
          {/* biome-ignore lint/security/noDangerouslySetInnerHtml: sanitized by the article page's own sanitizer */}
          <div className="prose" data-testid="preview-premium" dangerouslySetInnerHTML={{ __html: premium }} />
        </>
      )}
    </section>
  );
}
