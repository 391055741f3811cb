import { EDITION_HOLDERS_ONLY } from "../generated/contracts.ts";

/**
 * The tiers on sale whose passes unlock an article of premium level `level`: a pass reads every
 * level up to its own. None for a free article, nor for one only its editions unlock.
 */
export function tiersUnlocking<tier extends { level: number; saleOpen: boolean }>(tiers: readonly tier[], level: number): tier[] {
  if (level === 0 || level === EDITION_HOLDERS_ONLY) return [];
  return tiers.filter((tier) => tier.level >= level && tier.saleOpen);
}
