import type { ServerResponse } from "node:http";
import { CID } from "multiformats/cid";

/** An error with the HTTP status it should be answered with. */
export class HttpError extends Error {
  readonly status: number;

  constructor(status: number, message: string) {
    super(message);
    this.status = status;
  }
}

/** Answers in Kubo's error shape, so kubo-rpc-client reports `Message` as the error. */
export function sendError(res: ServerResponse, error: unknown) {
  const status = error instanceof HttpError ? error.status : 500;
  const message = error instanceof Error ? error.message : String(error);
  if (res.headersSent) {
    res.destroy(error instanceof Error ? error : undefined);
    return;
  }
  res.writeHead(status, { "content-type": "application/json" });
  res.end(JSON.stringify({ Message: message, Code: 0, Type: "error" }));
}

/** Parses a CID, or throws a 400 naming the bad input. */
export function parseCid(raw: string | null | undefined): CID {
  if (!raw) throw new HttpError(400, 'argument "cid" is required');
  const text = raw.replace(/^\/ipfs\//, "").split("/")[0];
  try {
    return CID.parse(text);
  } catch {
    throw new HttpError(400, `invalid CID "${text}": not a CIDv0 or CIDv1 string`);
  }
}

/** A signal that aborts after `ms`, so a block nobody has cannot hang a request. */
export const fetchDeadline = (ms: number) => AbortSignal.timeout(ms);

/** Turns a lookup that ran out of time (its `signal` fired) into a 404 that says so. */
export function notFoundIfTimedOut(error: unknown, cid: CID, signal: AbortSignal, ms: number): never {
  if (signal.aborted) {
    throw new HttpError(404, `${cid} not found: no block for it locally or from peers within ${ms} ms`);
  }
  throw error;
}
