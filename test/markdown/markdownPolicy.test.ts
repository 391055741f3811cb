import createDOMPurify from "dompurify";
import { JSDOM } from "jsdom";
import { describe, expect, it } from "vitest";
import { withMarkdownPolicy } from "../../web/src/markdown/sanitizeInBrowser.ts";
import { renderMarkdownOnServer } from "../../web/src/markdown/sanitizeOnServer.ts";

// One table, run through both renderers: the free part's (sanitize-html on the server) and the
// premium part's (DOMPurify in the browser, here on a jsdom window). Each row is what a reader
// would see, or must never get.
const GATEWAY = "https://gateway.example";
const renderers = {
  server: renderMarkdownOnServer,
  browser: withMarkdownPolicy(createDOMPurify(new JSDOM("").window)),
};

const TABLE: { name: string; markdown: string; has?: string[]; hasNot?: string[] }[] = [
  {
    name: "keeps headings, emphasis and lists",
    markdown: "# Title\n\n**bold** _it_\n\n- one\n- two",
    has: ["<h1>Title</h1>", "<strong>bold</strong>", "<em>it</em>", "<li>one</li>"],
  },
  {
    name: "keeps tables",
    markdown: "| a | b |\n|:-|-:|\n| 1 | 2 |",
    has: ["<table>", '<th align="left">a</th>', '<td align="right">2</td>'],
  },
  { name: "drops script tags and their code", markdown: "Hi <script>window.__xss = 1</script>", has: ["Hi"], hasNot: ["<script", "__xss"] },
  {
    name: "drops event handlers",
    markdown: '<img src="https://x.example/a.png" onerror="alert(1)">',
    has: ['src="https://x.example/a.png"'],
    hasNot: ["onerror"],
  },
  { name: "drops javascript: links", markdown: "[click](javascript:alert(1))", has: [">click</a>"], hasNot: ["javascript:"] },
  { name: "drops data: images", markdown: "![x](data:image/svg+xml;base64,PHN2Zz4=)", hasNot: ["data:"] },
  { name: "drops protocol-relative URLs", markdown: '<a href="//evil.example/x">x</a>', hasNot: ["evil.example"] },
  {
    name: "drops style, iframes and forms",
    markdown: '<p style="color:red">p</p><iframe src="https://x.example"></iframe><form><input></form>',
    has: ["<p>p</p>"],
    hasNot: ["style", "<iframe", "<form", "<input"],
  },
  {
    name: "drops attributes a tag does not allow",
    markdown: '<a href="https://a.example" id="x" class="y">a</a><p title="t">p</p>',
    hasNot: ['id="x"', 'class="y"', 'title="t"'],
  },
  {
    name: "keeps https, mailto and relative links",
    markdown: "[a](https://a.example) [m](mailto:me@a.example) [r](/articles/x) [h](#part)",
    has: ['href="https://a.example"', 'href="mailto:me@a.example"', 'href="/articles/x"', 'href="#part"'],
  },
  { name: "sends links without opener or referrer", markdown: "[a](https://a.example)", has: ['rel="noopener noreferrer nofollow"'] },
  { name: "loads images lazily", markdown: "![alt](https://a.example/i.png)", has: ['loading="lazy"', 'alt="alt"'] },
  {
    name: "points ipfs:// links and images at the gateway",
    markdown: "![c](ipfs://QmCover/c.png) [m](ipfs://QmMeta)",
    has: [`src="${GATEWAY}/ipfs/QmCover/c.png"`, `href="${GATEWAY}/ipfs/QmMeta"`],
    hasNot: ["ipfs://"],
  },
];

describe.each(Object.entries(renderers))("the Markdown policy, %s side", (_, render) => {
  it.each(TABLE)("$name", ({ markdown, has = [], hasNot = [] }) => {
    const html = render(markdown, GATEWAY);
    for (const text of has) expect(html).toContain(text);
    for (const text of hasNot) expect(html).not.toContain(text);
  });
});
