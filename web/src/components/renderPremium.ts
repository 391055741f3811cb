import DOMPurify from "dompurify";
import { withMarkdownPolicy } from "@/markdown/sanitizeInBrowser.ts";

// Loaded only once a premium part is unlocked: Markdown becomes HTML here, in the browser, and
// DOMPurify applies the shared Markdown policy on the real DOM before it is shown.
const render = withMarkdownPolicy(DOMPurify(window));

export function renderPremium(markdown: string, gatewayUrl: string) {
  return render(markdown, gatewayUrl);
}
