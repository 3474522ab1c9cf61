/**
 * The asymptotic single risk factor (Vasicek) model.
 */
import { normalCdf, normalQuantile } from './normal';

/**
 * Default rate conditional on the systematic factor z:
 * p(z) = Φ((Φ⁻¹(PD) − √ρ·z)/√(1−ρ)) (docs/reference-model.md §5). A low z is a bad year.
 */
export function conditionalDefaultProbability(pd: number, rho: number, z: number): number {
  if (pd <= 0) return 0;
  if (pd >= 1) return 1;
  return normalCdf((normalQuantile(pd) - Math.sqrt(rho) * z) / Math.sqrt(1 - rho));
}

/**
 * Loss quantile of an infinitely granular pool, per unit of exposure:
 * L_q = LGD·Φ((Φ⁻¹(PD) + √ρ·Φ⁻¹(q))/√(1−ρ)). Vasicek (2002), "Loan portfolio value", Risk.
 * @example vasicekLossQuantile({ pd: 0.01, rho: 0.12, lgd: 0.45, q: 0.999 }) // 0.0406466
 */
export function vasicekLossQuantile({ pd, rho, lgd, q }: { pd: number; rho: number; lgd: number; q: number }): number {
  if (pd <= 0) return 0;
  if (pd >= 1) return lgd;
  return lgd * normalCdf((normalQuantile(pd) + Math.sqrt(rho) * normalQuantile(q)) / Math.sqrt(1 - rho));
}
