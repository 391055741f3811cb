import { expect, test } from "@playwright/test";
import { generatePrivateKey, privateKeyToAccount } from "viem/accounts";
import { LOCAL_CHAIN_ID } from "../../web/src/generated/contracts.ts";
import { signIn } from "../helpers/siweClient.ts";
import { webStack } from "./webStack.ts";

// Next puts no limit on a route handler's body: the sign-in API (anyone may call it) and the DAO's
// description store (anyone may sign in) read no further than what they accept, and say so.

const stack = webStack();

/** `megabytes` of spaces sent in 64 KB chunks with no Content-Length, as a client that streams it. */
function streamed(megabytes: number) {
  let left = megabytes * 16;
  return new ReadableStream<Uint8Array>({
    pull(controller) {
      if (left-- > 0) controller.enqueue(new Uint8Array(64 * 1024).fill(0x20));
      else controller.close();
    },
  });
}

async function post(path: string, headers: Record<string, string>) {
  const response = await fetch(`${stack.siteUrl}${path}`, {
    method: "POST",
    headers: { "content-type": "application/json", ...headers },
    body: streamed(8),
    duplex: "half",
  } as RequestInit);
  return { status: response.status, body: (await response.json().catch(() => ({}))) as { error?: string } };
}

test("a sign-in request of megabytes is refused by size in the reader's language, as is a DAO description's", async () => {
  expect(await post("/api/auth/verify", {})).toEqual({ status: 413, body: { error: expect.stringMatching(/far larger than a message/) } });
  expect(await post("/api/auth/verify", { cookie: "topnftpost_lang=ko" })).toEqual({
    status: 413,
    body: { error: expect.stringMatching(/메시지와 서명보다 훨씬 큽니다/) },
  });

  const member = await signIn(privateKeyToAccount(generatePrivateKey()), { baseUrl: stack.siteUrl, chainId: LOCAL_CHAIN_ID });
  expect(await post("/api/dao/descriptions", { cookie: member })).toEqual({
    status: 413,
    body: expect.objectContaining({ error: "new.error.tooLarge" }),
  });
});
