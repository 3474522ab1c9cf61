/**
 * The one classification of a bank's client structure, from the source article's meaning: the
 * pyramid is the structure of corporate loans by client size, top (large clients, the gravel)
 * to bottom (small clients, the cement paste). It is "inverted" (倒金字塔) when the large
 * clients hold more than half of the loans, more than the sand and cement that bind them (the
 * article's diagnosis: 大客户占对公贷款约65%); "upright" (正金字塔) when they hold at most half
 * and the small clients at the base at least a third of the top tier (the rebalanced twin
 * 40/30/30); otherwise "mixed" (a waist without a base, e.g. 45/45/10). The dashboard's badge,
 * its caption and the printed report all read this function.
 */
export type PyramidShape = 'upright' | 'inverted' | 'mixed';

/**
 * @param shares loan shares by tier, largest clients first (any number of tiers ≥ 2)
 * @example mixShape([0.65, 0.25, 0.1]) // 'inverted'
 * @example mixShape([0.4, 0.3, 0.3])   // 'upright'
 */
export function mixShape(shares: readonly number[]): PyramidShape {
  if (shares.length < 2) return 'mixed';
  const total = shares.reduce((a, s) => a + s, 0);
  if (!(total > 0)) return 'mixed';
  const top = shares[0] / total;
  const base = shares[shares.length - 1] / total;
  if (top > 0.5) return 'inverted';
  return base >= top / 3 ? 'upright' : 'mixed';
}
