import { expect, test } from "@playwright/test";
import type { LocalAccount } from "viem";
import { generatePrivateKey, privateKeyToAccount } from "viem/accounts";
import { LOCAL_CHAIN_ID } from "../../web/src/generated/contracts.ts";
import { signIn } from "../helpers/siweClient.ts";
import { testAccount, webStack } from "./webStack.ts";

// Anyone can sign in (a signature costs nothing), so a studio route must not read a request body
// (up to 3 MB of JSON, STUDIO_MAX_IMAGE_MB of image) for a wallet without a role: it is refused
// first, whatever it sends. The team's own oversized bodies are still refused by size.

const stack = webStack();
// #0 deployed the publication and holds PUBLISHER_ROLE: the editor.
const EDITOR = 0;
const cookieOf = (account: LocalAccount) => signIn(account, { baseUrl: stack.siteUrl, chainId: LOCAL_CHAIN_ID });

/** A body of `megabytes` sent in 64 KB chunks with no Content-Length (as a client that streams it would). */
function streamed(megabytes: number) {
  let left = megabytes * 16;
  return new ReadableStream<Uint8Array>({
    pull(controller) {
      if (left-- > 0) controller.enqueue(new Uint8Array(64 * 1024).fill(0x20));
      else controller.close();
    },
  });
}

async function post(path: string, cookie: string, body: ReadableStream<Uint8Array> | string, type: string) {
  const response = await fetch(`${stack.siteUrl}${path}`, {
    method: "POST",
    headers: { cookie, "content-type": type },
    body,
    duplex: "half",
  } as RequestInit);
  return { status: response.status, body: (await response.json().catch(() => ({}))) as { error?: string } };
}

test("a wallet without a role is refused before its body is read; an editor's oversized body is refused by size", async () => {
  // A wallet made for this test: signed in, on no writers list, without any role.
  const nobody = await cookieOf(privateKeyToAccount(generatePrivateKey()));
  const oversizedJson = JSON.stringify({ markdown: "가".repeat(1_500_000) }); // 4.5 MB of UTF-8
  const draftId = crypto.randomUUID();
  for (const [path, body, type] of [
    ["/api/studio/preview", oversizedJson, "application/json"],
    ["/api/studio/drafts", oversizedJson, "application/json"],
    [`/api/studio/drafts/${draftId}/images`, streamed(12), "image/jpeg"],
  ] as const) {
    expect(await post(path, nobody, body, type), path).toEqual({
      status: 403,
      body: expect.objectContaining({ error: "studio.error.notInTeam" }),
    });
  }
  expect(await post("/api/studio/preview", await cookieOf(testAccount(EDITOR).account), oversizedJson, "application/json")).toEqual({
    status: 413,
    body: expect.objectContaining({ error: "studio.error.tooLarge" }),
  });
});
