import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { ArticleSourceError } from "../../web/src/content/articleSourceError.ts";
import { loadArticleSource } from "../../web/src/content/loadArticleSource.ts";
import { parseArticleSource } from "../../web/src/content/parseArticleSource.ts";

const SAMPLE = "scripts/seed/articles/local-governments-web3.ko.md";

const article = (frontmatter: string, body = "Free part.\n\n<!-- premium -->\n\nPremium part.") => `---\n${frontmatter}\n---\n\n${body}\n`;
const VALID = `title: "A title"
summary: "A summary"
language: en
published: 2024-01-02
edition:
  price_wei: "1000"
  max_supply: 10
premium:
  tier: 1`;

function fieldOf(run: () => unknown) {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(ArticleSourceError);
    return { field: (error as ArticleSourceError).field, message: (error as Error).message };
  }
  throw new Error("expected the article to be refused");
}

describe("article source", () => {
  it("splits the sample article into its free and premium parts", async () => {
    const source = await loadArticleSource(SAMPLE);
    expect(source.frontmatter.title).toContain("웹3.0에 관심 보이는 지자체들");
    expect(source.frontmatter.language).toBe("ko");
    expect(source.frontmatter.edition.price_wei).toBe(10_000_000_000_000_000n);
    expect(source.frontmatter.premium?.tier).toBe(1);
    expect(source.free).toContain("블록체인 허브도시 되겠다는 인천");
    expect(source.free).not.toContain("더 샌드박스");
    expect(source.premium).toContain("인천 유니버스");
    expect(source.slug).toBe("local-governments-web3-ko");
  });

  it("gives unchanged content the same digest, and any change a new one", async () => {
    const first = await loadArticleSource(SAMPLE);
    expect((await loadArticleSource(SAMPLE)).contentDigest).toBe(first.contentDigest);
    const cheaper = await loadArticleSource(SAMPLE, { "edition.price_wei": "1" });
    expect(cheaper.contentDigest).not.toBe(first.contentDigest);
  });

  it.each([
    ["a missing title", VALID.replace(/title: .*\n/, ""), undefined, "title", "is required"],
    ["a negative price", VALID.replace('"1000"', '"-1"'), undefined, "edition.price_wei", "must not be negative"],
    ["an unknown language", VALID.replace("language: en", "language: fr"), undefined, "language", "ko, en"],
    ["a premium level without a marker", VALID, "Only a free part.", "premium.tier", "no <!-- premium --> marker"],
    ["a marker without a premium level", VALID.replace(/premium:\n {2}tier: 1/, ""), undefined, "premium.tier", "is required"],
    ["a level above 254", VALID.replace("tier: 1", "tier: 300"), undefined, "premium.tier", "at most 254"],
    ["a date that is not one", VALID.replace("2024-01-02", "soon"), undefined, "published", "must be a date"],
    ["a fractional supply", VALID.replace("max_supply: 10", "max_supply: 1.5"), undefined, "edition.max_supply", "whole number"],
    [
      "a translation of something that is not a slug",
      `${VALID}\ntranslation_of: "Some Title"`,
      undefined,
      "translation_of",
      "must be the slug of the original article",
    ],
    [
      "a referral share above 20%",
      VALID.replace("max_supply: 10", "max_supply: 10\n  referral_bps: 2001"),
      undefined,
      "edition.referral_bps",
      "at most 2000",
    ],
    ["a price beyond the contract's range", VALID.replace('"1000"', `"${2n ** 80n}"`), undefined, "edition.price_wei", "uint80"],
  ])("refuses %s and names the field", (_, frontmatter, body, field, problem) => {
    const refused = fieldOf(() => parseArticleSource(article(frontmatter, body)));
    expect(refused.field).toBe(field);
    expect(refused.message).toContain(problem);
  });

  it("applies command-line overrides before validating them", () => {
    const source = parseArticleSource(article(VALID), { "edition.max_supply": 3, "premium.tier": "edition" });
    expect(source.frontmatter.edition.max_supply).toBe(3);
    expect(source.frontmatter.premium?.tier).toBe("edition");
    expect(fieldOf(() => parseArticleSource(article(VALID), { "edition.wallet_cap": -2 })).field).toBe("edition.wallet_cap");
  });

  it("refuses author shares that do not add up with the treasury's", () => {
    const authors = `${VALID}\nauthors:\n  - name: A\n    address: "0x90F79bf6EB2c4f870365E785982E1f101E93b906"\n    share_bps: 5000`;
    expect(fieldOf(() => parseArticleSource(article(authors))).message).toContain("must total 10000, got 6000");
  });

  it("refuses a file without frontmatter", () => {
    expect(fieldOf(() => parseArticleSource("# Just Markdown\n")).field).toBe("frontmatter");
  });

  describe("local images", () => {
    const dir = mkdtempSync(join(tmpdir(), "topnftpost-article-"));
    mkdirSync(join(dir, "img"));
    writeFileSync(join(dir, "img", "a.png"), "png bytes");
    const write = (name: string, body: string) => {
      writeFileSync(join(dir, name), article(VALID, body));
      return join(dir, name);
    };

    it("reads images next to the article and ignores remote ones", async () => {
      const file = write("ok.md", "![a](img/a.png) ![b](https://example.com/b.png)\n\n<!-- premium -->\n\nText.");
      const source = await loadArticleSource(file);
      expect(source.images.map((image) => image.ref)).toEqual(["img/a.png"]);
      expect(Buffer.from(source.images[0].bytes).toString()).toBe("png bytes");
    });

    it.each([
      ["a missing image", "![x](img/missing.png)", "not found"],
      ["an image outside the article's folder", "![x](../etc.png)", "inside the article's folder"],
      ["a file that is not an image", "![x](ok.md)", "must be one of"],
      ["an image in the premium part", "Free.\n\n<!-- premium -->\n\n![x](img/a.png)", "public on IPFS"],
    ])("refuses %s before anything is uploaded", async (_, body, problem) => {
      const file = write("bad.md", body.includes("premium") ? body : `${body}\n\n<!-- premium -->\n\nText.`);
      await expect(loadArticleSource(file)).rejects.toThrow(problem);
    });
  });
});
