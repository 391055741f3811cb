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
  if (options.maxBytes && length > options.maxBytes) {
    throw new ContentError("integrity", `${what} at ${cid} is ${length} bytes, more than the ${options.maxBytes} allowed.`);
  }
  const bytes = new Uint8Array(await response.arrayBuffer());
  if (!(await bytesMatchCid(bytes, cid))) {
    throw new ContentError("integrity", `The bytes served for ${what} do not hash to ${cid}: the gateway altered them.`);
  }
  return bytes;
}
