/**
 * The sign-in nonces already spent, remembered until they expire so that each signs in once.
 * In the shared database (databaseUsedNonceStore.ts): one nonce signs in once on any server.
 */
export interface UsedNonceStore {
  /**
   * Marks `nonce` used until `expiresAt` (seconds since the epoch). Returns false when it was
   * used already: of two concurrent calls with one nonce, exactly one gets true.
   */
  markUsed(nonce: string, expiresAt: number): Promise<boolean>;
}
