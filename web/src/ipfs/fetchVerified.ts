import { CID } from "multiformats/cid";
import { ContentError } from "../content/contentError.ts";
import { bytesMatchCid } from "./cidOfBytes.ts";

export interface GatewayOptions {
  gatewayUrl: string;
  timeoutMs: number;
  maxBytes?: number;
}

export function parseIpfsUri(uri: string, what: string) {
  const match = /^ipfs:\/\/([^/?#]+)$/.exec(uri);
  try {
    if (match) return CID.parse(match[1]);
  } catch {}
  throw new ContentError("bad-metadata", `${what} is not an ipfs://<cid> link: "${uri.slice(0, 100)}"`);
}

/** Fetches a file from the gateway and checks that its bytes hash to the CID. */
export async function fetchVerified(cid: CID, what: string, options: GatewayOptions) {
  let response: Response;
  try {
    response = await fetch(`${options.gatewayUrl.replace(/\/$/, "")}/ipfs/${cid}`, {
      signal: AbortSignal.timeout(options.timeoutMs),
    });
  } catch (error) {
    const reason = (error as Error).name === "TimeoutError" ? `no answer within ${options.timeoutMs} ms` : "connection failed";
    throw new ContentError("unavailable", `The IPFS gateway did not deliver ${what} (${reason}).`, { cause: error });
  }
  if (response.status === 404) throw new ContentError("not-found", `IPFS has no ${what} at ${cid}.`);
  if (!response.ok) throw new ContentError("unavailable", `The IPFS gateway answered ${response.status} for ${what}.`);
  const length = Number(response.headers.get("content-length") ?? 0);
  const tooLarge = (size: number) =>
    new ContentError("integrity", `${what} at ${cid} is ${size} bytes or more, more than the ${options.maxBytes} allowed.`);
  if (options.maxBytes && length > options.maxBytes) throw tooLarge(length);
  const bytes = options.maxBytes ? await readAtMost(response, options.maxBytes, tooLarge) : new Uint8Array(await response.arrayBuffer());
  if (!(await bytesMatchCid(bytes, cid))) {
    throw new ContentError("integrity", `The bytes served for ${what} do not hash to ${cid}: the gateway altered them.`);
  }
  return bytes;
}

/** The body, read no further than `maxBytes` (a chunked answer names no length up front). */
async function readAtMost(response: Response, maxBytes: number, tooLarge: (size: number) => Error) {
  const chunks: Uint8Array[] = [];
  let size = 0;
  const reader = response.body?.getReader();
  for (let part = await reader?.read(); part && !part.done; part = await reader?.read()) {
    size += part.value.length;
    if (size > maxBytes) {
      await reader?.cancel().catch(() => {});
      throw tooLarge(size);
    }
    chunks.push(part.value);
  }
  const bytes = new Uint8Array(size);
  let at = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, at);
    at += chunk.length;
  }
  return bytes;
}
