// ipfs-only-hash ships no types: its one function, with the importer options the tests set.
declare module "ipfs-only-hash" {
  interface ImporterOptions {
    cidVersion?: 0 | 1;
    rawLeaves?: boolean;
    chunker?: "fixed" | "rabin";
    maxChunkSize?: number;
    strategy?: "balanced" | "flat" | "trickle";
    maxChildrenPerNode?: number;
  }
  const Hash: { of(content: Uint8Array | string, options?: ImporterOptions): Promise<string> };
  export default Hash;
}
