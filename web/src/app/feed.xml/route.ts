// The Atom feed: the whole publication at `/feed.xml`, one section and/or one language with
// `?section=policy&language=ko`: the 50 newest listed articles, from the index.
import { translator } from "@/i18n/messages.ts";
import { feedXml } from "@/server/archive.ts";
import { badRequest, xmlResponse } from "@/server/xmlResponse.ts";

export const dynamic = "force-dynamic";

const SECTION = /^[\p{L}\p{N}_-]{1,40}$/u;

export function GET(request: Request) {
  const params = new URL(request.url).searchParams;
  const section = params.get("section") || undefined;
  const language = params.get("language") || undefined;
  if (section !== undefined && !SECTION.test(section)) {
    return badRequest("section: letters, digits, - and _ (at most 40)", "section: 글자, 숫자, -, _ (40자까지)");
  }
  if (language !== undefined && language !== "ko" && language !== "en") {
    return badRequest("language: ko or en", "language: ko 또는 en");
  }
  const subtitle = translator(language ?? "en")("site.tagline");
  return xmlResponse("application/atom+xml", () => feedXml({ section, language }, subtitle));
}
