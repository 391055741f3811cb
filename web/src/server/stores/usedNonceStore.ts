/**
 * The sign-in nonces already spent, remembered until they expire so that each signs in once.
 * Async so that a shared database can stand behind it (the next step: several servers, and
 * restarts).
 */
export interface UsedNonceStore {
  /**
   * Marks `nonce` used until `expiresAt` (seconds since the epoch). Returns false when it was
   * used already: of two concurrent calls with one nonce, exactly one gets true.
   */
  markUsed(nonce: string, expiresAt: number): Promise<boolean>;
}
