import { createServer } from "node:http";
import type { AddressInfo } from "node:net";

/**
 * A pass-through HTTP proxy in front of the chain RPC or the IPFS gateway that counts what goes
 * through: JSON-RPC calls (each call of a batch) or requests. Tells how many chain calls and IPFS
 * fetches a page view costs.
 */
export async function startCountingProxy(target: string) {
  const counts = { requests: 0, calls: 0 };
  const server = createServer(async (req, res) => {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const body = Buffer.concat(chunks);
    counts.requests++;
    if (body.length > 0 && req.headers["content-type"]?.includes("json")) {
      try {
        const parsed = JSON.parse(body.toString());
        counts.calls += Array.isArray(parsed) ? parsed.length : 1;
      } catch {}
    }
    try {
      const answer = await fetch(new URL(req.url ?? "/", target), {
        method: req.method,
        headers: { "content-type": req.headers["content-type"] ?? "application/octet-stream" },
        body: req.method === "GET" || req.method === "HEAD" ? undefined : body,
      });
      res.writeHead(answer.status, { "content-type": answer.headers.get("content-type") ?? "application/octet-stream" });
      res.end(Buffer.from(await answer.arrayBuffer()));
    } catch {
      res.writeHead(502).end();
    }
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    counts,
    reset: () => Object.assign(counts, { requests: 0, calls: 0 }),
    stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
