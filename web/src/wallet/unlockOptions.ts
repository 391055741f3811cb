/** What unlocks a premium part, as the gate's 403 and the article page describe it. */
export interface UnlockOptions {
  level?: number;
  tiers?: { id: number; name: string; price: string; duration: number; level: number }[];
  edition?: { price: string; remaining: number | null; saleStart: number; saleEnd: number; walletCap: number };
}
