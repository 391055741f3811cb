import { describe, expect, it, vi } from "vitest";

// The marker package refuses to load outside React's server build; the module itself is plain Node.
vi.mock("server-only", () => ({}));
const { renderPublicMarkdown } = await import("../../web/src/server/renderMarkdown.ts");

describe("public Markdown remembered by CID", () => {
  it("does not hand one page's rendering to another that shows the same CID differently", () => {
    // A proposer can name an article's preview CID as their proposal's description: the proposal
    // page renders it without its title line, the article page in full, and each must get its own.
    const cid = "QmT78zSuBmuS4z925WZfrqQ1qHaJ56DQaTfyMUF7F8ff5o";
    const article = "# 부산 블록체인 주간\n\nThe preview's first paragraph.\n";
    const asDescription = "The preview's first paragraph.\n";
    expect(renderPublicMarkdown(cid, asDescription)).not.toContain("부산");
    expect(renderPublicMarkdown(cid, article)).toContain("<h1>부산 블록체인 주간</h1>");
    expect(renderPublicMarkdown(cid, asDescription)).not.toContain("부산");
  });
});
