/**
 * Regulatory capital: the Basel IRB risk-weight function and the standardized weights.
 */
import { normalCdf, normalQuantile } from './normal';

/** Φ⁻¹(0.999), the IRB confidence level (Basel II ¶272). */
export const PHI_INV_999 = normalQuantile(0.999);

export interface IrbInput {
  /** 1-year probability of default, decimal. */
  pd: number;
  /** Loss given default, decimal. */
  lgd: number;
  /** Effective maturity M in years; 2.5 is the F-IRB default (Basel II ¶318). */
  maturityYears?: number;
  /** Annual sales in EUR millions; below 50 the SME firm-size adjustment applies (Basel II ¶273). */
  turnoverEurMillions?: number;
  /** PD floor: 0.05% under Basel III / China 2023, 0.03% under Basel II (¶285). */
  pdFloor?: number;
  /**
   * Scaling factor of IRB credit RWA: 1 under Basel III final and the China 2023 rules (the default,
   * so the Annex 5 figures are reproduced), 1.06 under Basel II (¶44).
   */
  scalingFactor?: number;
}

/**
 * Basel corporate asset correlation R(PD), with the SME firm-size adjustment.
 * Basel II ¶272–273: R = 0.12·w + 0.24·(1−w), w = (1−e^(−50·PD))/(1−e^(−50));
 * for sales S in EUR m below 50: R −= 0.04·(1 − (S−5)/45), S clipped to [5, 50].
 * @example baselCorrelation(0.01) // ≈ 0.1927
 */
export function baselCorrelation(pd: number, turnoverEurMillions?: number): number {
  const w = (1 - Math.exp(-50 * pd)) / (1 - Math.exp(-50));
  let r = 0.12 * w + 0.24 * (1 - w);
  if (turnoverEurMillions !== undefined && turnoverEurMillions < 50) {
    const s = Math.min(50, Math.max(5, turnoverEurMillions));
    r -= 0.04 * (1 - (s - 5) / 45);
  }
  return r;
}

/**
 * IRB risk weight as a fraction of EAD (0.9232 for 92.32%), Basel II ¶272:
 * K = [LGD·Φ((Φ⁻¹(PD) + √R·Φ⁻¹(0.999))/√(1−R)) − PD·LGD]·(1 + (M−2.5)·b)/(1 − 1.5·b),
 * b = (0.11852 − 0.05478·ln PD)², RW = 12.5·K.
 * @example irbRiskWeight({ pd: 0.01, lgd: 0.45, pdFloor: 0.0003 }) // ≈ 0.9232
 */
export function irbRiskWeight({ pd, lgd, maturityYears = 2.5, turnoverEurMillions, pdFloor = 0.0005, scalingFactor = 1 }: IrbInput): number {
  if (pd >= 1) return 0; // defaulted exposures: capital is the specific provision (¶272 fn 70)
  const p = Math.max(pd, pdFloor);
  const r = baselCorrelation(p, turnoverEurMillions);
  const b = (0.11852 - 0.05478 * Math.log(p)) ** 2;
  const conditionalPd = normalCdf((normalQuantile(p) + Math.sqrt(r) * PHI_INV_999) / Math.sqrt(1 - r));
  const k = (lgd * conditionalPd - p * lgd) * ((1 + (maturityYears - 2.5) * b) / (1 - 1.5 * b));
  return 12.5 * k * scalingFactor;
}

/**
 * China's standardized risk weights for corporate exposures
 * (商业银行资本管理办法, NFRA Order 2023 No. 4, in force 2024-01-01).
 */
export const CHINA_STANDARDIZED_WEIGHTS = {
  generalCorporate: 1.0,
  investmentGradeCorporate: 0.75,
  sme: 0.85,
  smallMicroRetail: 0.75,
} as const;

/** Basel II's IRB scaling factor (¶44), an option; Basel III final and China 2023 dropped it. */
export const BASEL_II_SCALING_FACTOR = 1.06;

/**
 * The output floor of Basel III final (Dec 2017, RBC20.11): IRB RWA at least 72.5% of the RWA the
 * standardized approach gives, phased in from 50% (2023) to 72.5% (2028). China's 2023 rules
 * (商业银行资本管理办法, Art. 28) adopt the same 72.5% floor with a transition; the default here
 * is the fully phased-in level.
 */
export const OUTPUT_FLOOR = 0.725;

/**
 * Corporate RWA under the chosen approach: standardized, or IRB floored at `floor` × standardized.
 * @example flooredRwa('irb', 60, 100, 0.725) // 72.5
 */
export function flooredRwa(approach: 'standardized' | 'irb', irbRwa: number, standardizedRwa: number, floor: number): number {
  return approach === 'irb' ? Math.max(irbRwa, floor * standardizedRwa) : standardizedRwa;
}

/** Yuan per euro, to put a client's turnover (yuan) into the Basel formula's EUR millions [A: 2025 average ≈ 8.0]. */
export const CNY_PER_EUR = 8.0;

/** Turnover in yuan as the EUR millions of the Basel SME adjustment (¶273). */
export function turnoverEurMillions(turnoverYuan: number): number {
  return turnoverYuan / CNY_PER_EUR / 1e6;
}
