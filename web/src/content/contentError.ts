export type ContentErrorCode =
  | "unknown-article"
  | "not-found"
  | "unavailable"
  | "integrity"
  | "tampered"
  | "wrong-master-key"
  | "bad-metadata";

/**
 * Why content could not be read, in words a server can show. `unavailable` means IPFS or the
 * chain did not answer (try again); the others mean the content itself is wrong.
 */
export class ContentError extends Error {
  readonly code: ContentErrorCode;
  constructor(code: ContentErrorCode, message: string, options?: ErrorOptions) {
    super(message, options);
    this.name = "ContentError";
    this.code = code;
  }
}
