import { createServer } from "node:http";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { publishArticleFile } from "../../scripts/content/publishArticleFile.ts";
import { rewrapArticles } from "../../scripts/content/rewrapArticles.ts";
import { ContentError } from "../../web/src/content/contentError.ts";
import { loadArticleSource } from "../../web/src/content/loadArticleSource.ts";
import { masterKeyFrom, newMasterKey } from "../../web/src/content/masterKey.ts";
import { articleEditionsAbi } from "../../web/src/generated/contracts.ts";
import { type ContentStack, startContentStack } from "../helpers/contentStack.ts";

const SAMPLE = "scripts/seed/articles/local-governments-web3.ko.md";
const WITH_IMAGE = "scripts/seed/articles/busan-blockchain-week.en.md";

async function codeOf(promise: Promise<unknown>) {
  try {
    await promise;
  } catch (error) {
    expect(error).toBeInstanceOf(ContentError);
    return (error as ContentError).code;
  }
  throw new Error("expected a ContentError");
}

describe("publishing and reading articles", () => {
  let stack: ContentStack;
  let articleId: bigint;
  const lines: string[] = [];

  beforeAll(async () => {
    stack = await startContentStack();
    const source = await loadArticleSource(SAMPLE);
    ({ articleId } = await publishArticleFile(source, { ...stack.context, log: (line) => lines.push(line) }));
  });
  afterAll(() => stack?.stop());

  it("puts the metadata CID on chain and says what it did, step by step", async () => {
    const [uri, sale, terms] = await stack.publicClient.readContract({
      address: stack.editions,
      abi: articleEditionsAbi,
      functionName: "article",
      args: [articleId],
    });
    expect(uri).toMatch(/^ipfs:\/\/Qm\w{44}$/);
    expect(sale.price).toBe(10_000_000_000_000_000n);
    expect(sale.maxSupply).toBe(500);
    expect(terms.premiumLevel).toBe(1);
    const log = lines.join("\n");
    expect(log).toContain("Uploaded free preview");
    expect(log).toContain("Encrypted premium part with AES-256-GCM");
    expect(log).toMatch(/Uploaded metadata[\s\S]*Sent the publish transaction[\s\S]*Published article 1/);
  });

  it("reads metadata in the marketplace schema and the free preview", async () => {
    const { metadata } = await stack.reader.article(articleId);
    expect(metadata.name).toContain("웹3.0에 관심 보이는 지자체들");
    expect(metadata.image).toMatch(/^ipfs:\/\/Qm/);
    expect(metadata.external_url).toBe("http://localhost:3000/articles/local-governments-web3-ko");
    expect(metadata.attributes).toContainEqual({ trait_type: "Language", value: "ko" });
    expect(metadata.properties.premium).toMatchObject({ algorithm: "AES-256-GCM", level: 1, key_id: stack.keyring.current.id });
    const preview = await stack.reader.preview(metadata);
    expect(preview).toContain("블록체인 허브도시 되겠다는 인천");
    expect(preview).not.toContain("인천 유니버스");
  });

  it("decrypts the premium part to exactly what the writer wrote", async () => {
    const { metadata } = await stack.reader.article(articleId);
    const source = await loadArticleSource(SAMPLE);
    expect(await stack.reader.premium(metadata)).toBe(source.premium);
  });

  it("keeps the premium part unreadable from IPFS without the master key", async () => {
    const { metadata } = await stack.reader.article(articleId);
    const raw = Buffer.from(await (await fetch(`${stack.ipfs.gatewayUrl}/ipfs/${metadata.properties.premium!.cid}`)).arrayBuffer());
    expect(raw.toString("utf8")).not.toContain("인천 유니버스");
    expect(JSON.stringify(metadata)).not.toMatch(new RegExp(stack.keyring.current.key.toString("hex")));
  });

  it("publishes nothing new for unchanged content and names the article it already is", async () => {
    const articleCount = () =>
      stack.publicClient.readContract({ address: stack.editions, abi: articleEditionsAbi, functionName: "articleCount" });
    const countBefore = await articleCount();
    const again: string[] = [];
    const result = await publishArticleFile(await loadArticleSource(SAMPLE), { ...stack.context, log: (line) => again.push(line) });
    expect(result).toMatchObject({ articleId, alreadyPublished: true });
    expect(again.at(-1)).toContain(`Already published as article ${articleId}`);
    expect(await articleCount()).toBe(countBefore);
  });

  it("rewrites local images to ipfs:// links and uses the image as the cover", async () => {
    const result = await publishArticleFile(await loadArticleSource(WITH_IMAGE), stack.context);
    const { metadata } = await stack.reader.article(result.articleId);
    const [image] = metadata.properties.images;
    expect(metadata.image).toBe(`ipfs://${image.cid}`);
    expect(await stack.reader.preview(metadata)).toContain(`](ipfs://${image.cid})`);
    expect(metadata.properties.premium).toBeNull();
    expect(await stack.reader.premium(metadata)).toBeNull();
  });

  it("refuses a wrong master key with a clear error, never garbage text", async () => {
    const { metadata } = await stack.reader.article(articleId);
    const stranger = newMasterKey();
    expect(await codeOf(stack.readerWith({ current: stranger, all: [stranger] }).premium(metadata))).toBe("wrong-master-key");
    // A different key that claims the right id still fails authentication.
    const impostor = { ...masterKeyFrom(newMasterKey().key), id: stack.keyring.current.id };
    expect(await codeOf(stack.readerWith({ current: impostor, all: [impostor] }).premium(metadata))).toBe("tampered");
  });

  it("refuses a premium part swapped for another ciphertext", async () => {
    const { metadata } = await stack.reader.article(articleId);
    const other = await publishArticleFile(await loadArticleSource(SAMPLE, { title: "Same text, other article" }), stack.context);
    const { metadata: otherMetadata } = await stack.reader.article(other.articleId);
    const swapped = {
      ...metadata,
      properties: { ...metadata.properties, premium: { ...metadata.properties.premium!, cid: otherMetadata.properties.premium!.cid } },
    };
    expect(await codeOf(stack.reader.premium(swapped))).toBe("tampered");
  });

  it("refuses bytes from a gateway that do not hash to the CID", async () => {
    // A hostile gateway cannot be run any other way: this one serves the real bytes with one flipped.
    const hostile = createServer(async (request, response) => {
      const bytes = Buffer.from(await (await fetch(`${stack.ipfs.gatewayUrl}${request.url}`)).arrayBuffer());
      bytes[bytes.length - 1] ^= 1;
      response.end(bytes);
    });
    await new Promise<void>((resolve) => hostile.listen(0, "127.0.0.1", resolve));
    const port = (hostile.address() as { port: number }).port;
    try {
      const { metadata } = await stack.reader.article(articleId);
      expect(await codeOf(stack.readerWith(stack.keyring, `http://127.0.0.1:${port}`).premium(metadata))).toBe("integrity");
    } finally {
      hostile.close();
    }
  });

  it("says IPFS is unavailable when the gateway does not answer", async () => {
    const { metadata } = await stack.reader.article(articleId);
    expect(await codeOf(stack.readerWith(stack.keyring, "http://127.0.0.1:9").premium(metadata))).toBe("unavailable");
  });

  it("says an unknown article is unknown", async () => {
    expect(await codeOf(stack.reader.article(999n))).toBe("unknown-article");
  });
});

describe("master key rotation", () => {
  // A chain of its own: rotation re-wraps every article on it, so the count it reports and the
  // keys the articles end under depend on nothing another test published.
  let stack: ContentStack;
  beforeAll(async () => {
    stack = await startContentStack();
  });
  afterAll(() => stack?.stop());

  it("rotates the master key: every premium article re-wrapped and revised on chain, readable with the new key only", async () => {
    const sample = await loadArticleSource(SAMPLE);
    const premiumArticles = [
      (await publishArticleFile(sample, stack.context)).articleId,
      (await publishArticleFile(await loadArticleSource(SAMPLE, { title: "Same text, other article" }), stack.context)).articleId,
    ];
    await publishArticleFile(await loadArticleSource(WITH_IMAGE), stack.context); // free: it has no key to re-wrap
    const next = newMasterKey();
    const { rewrapped } = await rewrapArticles(next, {
      ...stack.context,
      keyring: { ...stack.keyring, all: [...stack.keyring.all, next] },
    });
    expect(rewrapped).toBe(2);
    const newOnly = stack.readerWith({ current: next, all: [next] });
    for (const articleId of premiumArticles) {
      const { metadata } = await newOnly.article(articleId);
      expect(metadata.properties.premium!.key_id).toBe(next.id);
      expect(await newOnly.premium(metadata)).toBe(sample.premium);
      expect(await codeOf(stack.readerWith(stack.keyring).premium(metadata))).toBe("wrong-master-key");
    }
    // Resuming finds nothing left to do.
    expect((await rewrapArticles(next, { ...stack.context, keyring: { current: next, all: [next] } })).rewrapped).toBe(0);
  });
});
