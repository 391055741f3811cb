import "server-only";
import { MESSAGES } from "@/i18n/messages.ts";
import { unavailableService } from "./serviceUnavailable.ts";

/** The XML `build` makes, or a plain-text 503 in both languages while the index is down (and nothing is remembered). */
export async function xmlResponse(contentType: string, build: () => Promise<string>) {
  try {
    return new Response(await build(), {
      headers: { "Content-Type": `${contentType}; charset=utf-8`, "Cache-Control": "public, max-age=60" },
    });
  } catch (error) {
    if (!unavailableService(error)) throw error;
    const text = `${MESSAGES.en["unavailable.index"]}\n${MESSAGES.ko["unavailable.index"]}\n`;
    return new Response(text, { status: 503, headers: { "Content-Type": "text/plain; charset=utf-8", "Retry-After": "30" } });
  }
}

/** A refused request (a malformed filter): said in both languages, nothing read. */
export const badRequest = (en: string, ko: string) =>
  new Response(`${en}\n${ko}\n`, { status: 400, headers: { "Content-Type": "text/plain; charset=utf-8" } });
