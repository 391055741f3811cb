// What GET /api/articles/<id>/premium answers: the route sends it, PremiumGate reads it, and
// both hold to this one type.

/** What unlocks a premium part, as the gate's 403 and the article page describe it. */
export interface UnlockOptions {
  level?: number;
  tiers?: { id: number; name: string; price: string; duration: number; level: number }[];
  edition?: { price: string; remaining: number | null; saleStart: number; saleEnd: number; walletCap: number };
}

export type PremiumAnswer =
  | { status: 200; body: { articleId: number; markdown: string } }
  | { status: 403; body: { error: string; unlock: UnlockOptions } }
  | { status: 400 | 401 | 404 | 500 | 503; body: { error: string } };

/** The gate's answer from its HTTP response (the route is the only thing that writes one). */
export async function readPremiumAnswer(response: Response): Promise<PremiumAnswer> {
  const body: unknown = await response.json();
  return { status: response.status, body } as PremiumAnswer;
}
