import type { IncomingMessage, ServerResponse } from "node:http";
import type { Readable } from "node:stream";
import busboy from "busboy";
import { HttpError, fetchDeadline, notFoundIfTimedOut, parseCid, sendError } from "./httpErrors.ts";
import type { CID } from "multiformats/cid";
import type { IpfsNode } from "./createNode.ts";
import { kuboImport } from "../../web/src/ipfs/kuboImport.ts";
import { openContent } from "./openContent.ts";
import { pinContent } from "./pinContent.ts";
import { collectGarbage } from "./collectGarbage.ts";
import type { GcGate } from "./gcGate.ts";

export interface RpcApiOptions {
  maxUploadBytes: number;
  fetchTimeoutMs: number;
  version: string;
}

const flag = (params: URLSearchParams, name: string, fallback: boolean) => {
  const value = params.get(name);
  return value === null ? fallback : value === "true" || value === "";
};

/**
 * The subset of Kubo's RPC API (`/api/v0/...`) this project uses, with Kubo's request and
 * response shapes: add, cat, pin/add, pin/ls, repo/gc, id, version.
 */
export function createRpcApi(node: IpfsNode, gate: GcGate, options: RpcApiOptions) {
  const routes: Record<string, (req: IncomingMessage, res: ServerResponse, params: URLSearchParams) => Promise<void>> = {
    add: (req, res, params) => gate.duringWrite(() => add(node, options, req, res, params)),
    cat: async (_req, res, params) => {
      const content = await openContent(node, parseCid(params.get("arg")), options.fetchTimeoutMs);
      res.writeHead(200, { "content-type": "application/octet-stream", "x-stream-output": "1" });
      await content.writeTo(res);
    },
    "pin/add": async (_req, res, params) => {
      const cid = parseCid(params.get("arg"));
      const signal = fetchDeadline(options.fetchTimeoutMs);
      await gate
        .duringWrite(() => pinContent(node, cid, signal))
        .catch((error) => notFoundIfTimedOut(error, cid, signal, options.fetchTimeoutMs));
      json(res, { Pins: [cid.toString()] });
    },
    "pin/rm": async (_req, res, params) => {
      const cid = parseCid(params.get("arg"));
      // Kubo answers an unpinned CID with an error; so do we, so a caller learns it was not pinned.
      if (!(await node.helia.pins.isPinned(cid))) throw new HttpError(500, `${cid} is not pinned`);
      // Like `pins.add`, a generator that unpins nothing unless iterated.
      for await (const _ of node.helia.pins.rm(cid));
      json(res, { Pins: [cid.toString()] });
    },
    "pin/ls": async (_req, res, params) => {
      const args = params.getAll("arg");
      const pins: Array<{ Cid: string; Type: string }> = [];
      if (args.length > 0) {
        for (const arg of args) {
          const cid = parseCid(arg);
          if (!(await node.helia.pins.isPinned(cid))) throw new HttpError(404, `${cid} is not pinned`);
          pins.push({ Cid: cid.toString(), Type: "recursive" });
        }
      } else {
        // The metadata keeps the CID as it was added (see pinContent).
        for await (const pin of node.helia.pins.ls()) {
          pins.push({ Cid: String(pin.metadata.cid ?? pin.cid), Type: "recursive" });
        }
      }
      if (flag(params, "stream", false)) {
        res.writeHead(200, { "content-type": "application/x-ndjson" });
        res.end(pins.map((p) => `${JSON.stringify(p)}\n`).join(""));
      } else {
        json(res, { Keys: Object.fromEntries(pins.map((p) => [p.Cid, { Type: p.Type }])) });
      }
    },
    "repo/gc": async (_req, res) => {
      const removed = await collectGarbage(node, gate);
      res.writeHead(200, { "content-type": "application/x-ndjson", "x-chunked-output": "1" });
      res.end(removed.map((cid) => `${JSON.stringify({ Key: { "/": cid.toString() } })}\n`).join(""));
    },
    id: async (_req, res) => {
      const libp2p = node.helia.libp2p;
      json(res, {
        ID: libp2p.peerId.toString(),
        PublicKey: Buffer.from(libp2p.peerId.publicKey?.raw ?? []).toString("base64"),
        Addresses: libp2p.getMultiaddrs().map(String),
        AgentVersion: `topnftpost-embedded-ipfs/${options.version}`,
        Protocols: libp2p.getProtocols(),
      });
    },
    version: async (_req, res) => {
      json(res, {
        Version: options.version,
        Commit: "",
        Repo: "helia",
        System: `${process.arch}/${process.platform}`,
        Golang: `none (Node.js ${process.version})`,
      });
    },
  };

  return async (req: IncomingMessage, res: ServerResponse) => {
    try {
      const url = new URL(req.url ?? "/", "http://localhost");
      const route = routes[url.pathname.replace(/^\/api\/v0\//, "")];
      if (!url.pathname.startsWith("/api/v0/") || !route) {
        throw new HttpError(404, `${url.pathname}: not a command this node serves (add, cat, pin/add, pin/ls, repo/gc, id, version)`);
      }
      // Kubo accepts only POST on its RPC API (a browser GET must not trigger commands).
      if (req.method !== "POST") throw new HttpError(405, `${url.pathname} needs POST`);
      await route(req, res, url.searchParams);
    } catch (error) {
      sendError(res, error);
    }
  };
}

function json(res: ServerResponse, body: unknown) {
  res.writeHead(200, { "content-type": "application/json" });
  res.end(JSON.stringify(body));
}

/** `/api/v0/add`: one multipart file in, Kubo's NDJSON lines (progress, then the result) out. */
async function add(node: IpfsNode, options: RpcApiOptions, req: IncomingMessage, res: ServerResponse, params: URLSearchParams) {
  const limit = options.maxUploadBytes;
  const tooLarge = () => new HttpError(413, `upload exceeds the ${limit / 1024 / 1024} MB limit (IPFS_MAX_UPLOAD_MB)`);
  if (Number(req.headers["content-length"] ?? 0) > limit + 64 * 1024) throw tooLarge();
  const cidVersion = Number(params.get("cid-version") ?? 0);
  if (cidVersion !== 0 && cidVersion !== 1) throw new HttpError(400, `cid-version must be 0 or 1, got ${cidVersion}`);
  const rawLeavesParam = params.get("raw-leaves");
  const progress = flag(params, "progress", false);
  const pin = flag(params, "pin", true);

  const file = await new Promise<{ name: string; stream: Readable }>((resolve, reject) => {
    let parser: ReturnType<typeof busboy>;
    try {
      parser = busboy({ headers: req.headers, limits: { files: 1, fileSize: limit } });
    } catch {
      reject(new HttpError(400, "add needs a multipart/form-data body with one file"));
      return;
    }
    parser.on("file", (_field, stream, info) => resolve({ name: info.filename ?? "", stream }));
    parser.on("error", (error) => reject(new HttpError(400, `bad multipart body: ${(error as Error).message}`)));
    parser.on("close", () => reject(new HttpError(400, "add needs a multipart/form-data body with one file")));
    req.pipe(parser);
  });

  let truncated = false;
  file.stream.on("limit", () => (truncated = true));
  // A client that drops the connection mid-upload ends the import (its blocks, unpinned, are
  // garbage); otherwise the import would wait for bytes that never come, holding the GC gate.
  res.once("close", () => {
    if (!res.writableFinished) file.stream.destroy(new HttpError(400, "the upload was aborted"));
  });
  // Progress streams as it happens when the declared length proves the file fits (so no 413 can
  // follow a 200); otherwise the lines are sent with the result, once the size is known.
  const streaming = progress && req.headers["content-length"] !== undefined && Number(req.headers["content-length"]) <= limit;
  const lines: string[] = [];
  const emit = (line: unknown) => {
    if (!streaming) return void lines.push(JSON.stringify(line));
    if (!res.headersSent) res.writeHead(200, { "content-type": "application/x-ndjson", "x-chunked-output": "1" });
    res.write(`${JSON.stringify(line)}\n`);
  };
  // The blocks this upload adds, so a refused upload can take them away again.
  const store = node.helia.blockstore;
  const added: CID[] = [];
  const tracking = {
    put: async (cid: CID, block: Uint8Array, putOptions?: unknown) => {
      if (!(await store.has(cid))) added.push(cid);
      return store.put(cid, block, putOptions as never);
    },
  } as unknown as typeof store;
  try {
    const { cid, size } = await kuboImport(file.stream, tracking, {
      cidVersion,
      rawLeaves: rawLeavesParam === null ? undefined : rawLeavesParam === "true",
      onBytes: progress ? (bytes) => emit({ Name: file.name, Bytes: bytes }) : undefined,
    });
    // Over the limit: answer 413, pin nothing, and remove the blocks only this upload wrote.
    if (truncated) {
      for (const block of added) if (!(await node.helia.pins.isPinned(block))) await node.blocks.delete(block);
      throw tooLarge();
    }
    if (pin) await pinContent(node, cid);
    // The importer's size is the DAG's cumulative size, which is what Kubo reports.
    emit({ Name: file.name || cid.toString(), Hash: cid.toString(), Size: String(size) });
  } catch (error) {
    if (!res.headersSent) throw error;
    // Mid-stream, Kubo reports a failure as an error object in the stream.
    res.end(`${JSON.stringify({ Message: (error as Error).message, Code: 0, Type: "error" })}\n`);
    return;
  }
  if (res.headersSent) return void res.end();
  res.writeHead(200, { "content-type": "application/x-ndjson", "x-chunked-output": "1" });
  res.end(lines.map((l) => `${l}\n`).join(""));
}
