import { BaseError, HttpRequestError, TimeoutError } from "viem";
import { ContentError } from "../content/contentError.ts";
import { IndexUnavailableError } from "../indexer/createIndexReader.ts";

/** The services a page is built from; each may be down for a while without anything being wrong. */
export type Service = "chain" | "ipfs" | "database" | "index";

/** A service did not answer: the same request may succeed later, so readers get a 503, not a 500. */
export class ServiceUnavailableError extends Error {
  readonly service: Service;
  constructor(service: Service, message: string, options?: ErrorOptions) {
    super(message, options);
    this.name = "ServiceUnavailableError";
    this.service = service;
  }
}

/** Whether a viem call failed because the RPC did not answer (down, refusing, too slow), not because of what it said. */
const chainDidNotAnswer = (error: unknown) =>
  error instanceof BaseError && error.walk((cause) => cause instanceof HttpRequestError || cause instanceof TimeoutError) !== null;

/**
 * Which service a failure says is down, or undefined for every other error: a revert, bad
 * content or a bug stays what it is (a 404 or a 500), never a "try again later".
 */
export function unavailableService(error: unknown): Service | undefined {
  if (error instanceof ServiceUnavailableError) return error.service;
  if (error instanceof IndexUnavailableError) return "index";
  if (error instanceof ContentError) {
    // The article reader wraps chain failures as "unavailable" too; IPFS's come without a viem cause.
    if (error.code === "unavailable")
      return error.cause instanceof BaseError ? (chainDidNotAnswer(error.cause) ? "chain" : undefined) : "ipfs";
    return error.code === "not-found" ? "ipfs" : undefined;
  }
  return chainDidNotAnswer(error) ? "chain" : undefined;
}

/** The value, or null while a service is down: for the parts of a page that can be left out. */
export async function nullWhileDown<value>(pending: Promise<value>): Promise<value | null> {
  try {
    return await pending;
  } catch (error) {
    if (unavailableService(error)) return null;
    throw error;
  }
}
