import { describe, expect, it } from "vitest";
import { readJsonAtMost } from "../../web/src/server/readJsonBody.ts";

// Route handlers read their JSON through this: Next sets no limit on a route handler's body, and a
// chunked request names no length, so an anonymous client could make the server hold any amount.

/** A request whose body never ends and names no length, as a chunked upload would; counts what was pulled. */
function endlessRequest() {
  const pulled = { bytes: 0 };
  const chunk = new TextEncoder().encode(`{"reason":"${"x".repeat(16_000)}`);
  const body = new ReadableStream<Uint8Array>({
    pull(controller) {
      pulled.bytes += chunk.length;
      controller.enqueue(chunk);
    },
  });
  return { request: new Request("http://localhost/api/dao/votes", { method: "POST", body, duplex: "half" } as RequestInit), pulled };
}

describe("reading a route's JSON body", () => {
  it("gives the JSON of a body within the limit, and null for one that is not JSON", async () => {
    const post = (body: string) => new Request("http://localhost/x", { method: "POST", body });
    expect(await readJsonAtMost(post('{"proposalId":"1","support":1}'), 1_000)).toEqual({
      ok: true,
      value: { proposalId: "1", support: 1 },
    });
    expect(await readJsonAtMost(post("not json"), 1_000)).toEqual({ ok: true, value: null });
  });

  it("refuses a body over the limit, stated or not, without reading much past it", async () => {
    const stated = new Request("http://localhost/x", { method: "POST", body: "x".repeat(2_000), headers: { "content-length": "2000" } });
    expect(await readJsonAtMost(stated, 1_000)).toEqual({ ok: false });
    const { request, pulled } = endlessRequest();
    expect(await readJsonAtMost(request, 32_000)).toEqual({ ok: false });
    expect(pulled.bytes).toBeLessThan(200_000);
  });
});
