/**
 * The credit book as exposures for the loss distribution (docs/reference-model.md §2, §5): a scenario's lumpy
 * segments on the lognormal quantile grid, or a strategist's real loan book; and the
 * concentration measures of a list of exposures (docs/reference-model.md §3, §6).
 */
import { baselCorrelation } from './capital';
import { segmentWeights } from './exposures';
import type { CreditExposure } from './loss-distribution';
import type { Scenario } from './scenario';
import { LIMITS } from './regulation';
import { PD_FLOOR, scenarioTerms, segmentCorrelation } from './segment-economics';

export interface ScenarioExposureOptions {
  /** Most bands a segment's non-single clients are grouped into. Default 200 ("a few hundred", docs/reference-model.md §2). */
  maxBandsPerSegment?: number;
  /** The largest clients of every segment kept as single names. Default 20. */
  singleNamesPerSegment?: number;
}

/**
 * The scenario's corporate book as exposures (docs/reference-model.md §2). Per segment n = clientCount(segment, L)
 * clients with exposures on the deterministic lognormal quantile grid w_i ∝ exp(σ·Φ⁻¹((i−½)/n)),
 * summing to share·L; the `singleNamesPerSegment` largest stay single names, the rest are grouped
 * into at most `maxBandsPerSegment` bands of consecutive (so nearly equal) sizes, each with the
 * band's mean exposure, so every segment's total is kept exactly. PD is stressed by
 * `stress.pdMultiplier`, LGD is the segment's, ρ the segment's correlation (evaluate()'s rule).
 * @example scenarioExposures(demoScenario).length // 60 single names + the bands
 */
export function scenarioExposures(scenario: Scenario, options: ScenarioExposureOptions = {}): CreditExposure[] {
  const maxBands = Math.max(1, Math.floor(options.maxBandsPerSegment ?? 200));
  const singles = Math.max(0, Math.floor(options.singleNamesPerSegment ?? 20));
  const out: CreditExposure[] = [];
  const terms = scenarioTerms(scenario);
  scenario.segments.forEach((segment, s) => {
    // The steady-state book of evaluate(): loans after the pricing response, PD and ρ of segment-economics.ts.
    const { clients: n, loans, pd, correlation: rho } = terms[s];
    if (n === 0) return;
    const weights = segmentWeights(n, segment.sizeSigma); // largest first
    const base = { pd, lgd: segment.lgd, rho, segment: segment.key };
    const named = Math.min(singles, n);
    for (let i = 0; i < named; i++) out.push({ ...base, ead: weights[i] * loans, count: 1, id: `${segment.key}-${i + 1}` });
    const rest = n - named;
    const bands = Math.min(maxBands, rest);
    for (let b = 0; b < bands; b++) {
      // Consecutive clients of nearly equal count: sizes on the quantile grid are sorted, so a band is nearly uniform.
      const from = named + Math.floor((b * rest) / bands);
      const to = named + Math.floor(((b + 1) * rest) / bands);
      let sum = 0;
      for (let i = from; i < to; i++) sum += weights[i];
      const count = to - from;
      out.push({ ...base, ead: (sum / count) * loans, count, id: `${segment.key}-band-${b + 1}` });
    }
  });
  return out;
}

/** One row of a real loan book (a CSV a strategist loads; nothing leaves the browser, docs/reference-model.md §2). */
export interface LoanBookRow {
  id: string;
  /** Segment key of the scenario (`large`, `mid`, `small` …). */
  segment: string;
  /** Drawn exposure (EAD), yuan. */
  exposure: number;
  /** 1-year PD, decimal. */
  pd: number;
  /** LGD, decimal. */
  lgd: number;
  tenorYears?: number;
  /** Loan rate, decimal per year. */
  rate?: number;
  /** Deposits the client holds with the bank, yuan. */
  deposits?: number;
  productsHeld?: number;
  /** Group of connected clients (集团客户), for the 15% group limit. */
  group?: string;
}

/**
 * A real loan book as exposures: one single name per row, PD stressed by the scenario's
 * `stress.pdMultiplier` of the row's segment, ρ the correlation of the row's segment in the
 * scenario (its override or the Basel formula at the segment's PD, as evaluate()). A row whose
 * segment the scenario does not know takes the Basel corporate correlation at its own PD (Basel II ¶272).
 * @example loanBookExposures([{ id: 'c1', segment: 'large', exposure: 5e8, pd: 0.006, lgd: 0.45 }], demoScenario)
 */
export function loanBookExposures(rows: readonly LoanBookRow[], scenario: Scenario): CreditExposure[] {
  // One correlation per segment, computed once: a real book may have 200,000 rows.
  const rhoOf = new Map(scenario.segments.map((s) => [s.key, segmentCorrelation(s, Math.min(1, s.pd * (scenario.stress.pdMultiplier[s.key] ?? 1)))] as const));
  return rows.map((r) => {
    const multiplier = scenario.stress.pdMultiplier[r.segment] ?? 1;
    const pd = Math.min(1, r.pd * multiplier);
    const rho = rhoOf.get(r.segment) ?? baselCorrelation(Math.max(pd, PD_FLOOR));
    const e: CreditExposure = { ead: r.exposure, pd, lgd: r.lgd, rho, count: 1, id: r.id, segment: r.segment };
    if (r.group !== undefined) e.group = r.group;
    return e;
  });
}

/** Concentration limits against net capital: the LIMITS of regulation.ts and the group limit. */
export const CONCENTRATION_LIMITS = {
  singleClientToCapital: LIMITS.singleClientToCapital,
  groupToCapital: 0.15, // 单一集团客户授信集中度 ≤ 15%: 商业银行风险监管核心指标 (2005)
  top10ToCapital: LIMITS.top10ToCapital,
} as const;

export interface ConcentrationCheck {
  value: number;
  limit: number;
  isPass: boolean;
  /** limit − value: positive while passing. */
  margin: number;
}

export interface Concentration {
  clients: number;
  totalExposure: number;
  /** Herfindahl–Hirschman index of client exposures, Σ(EADᵢ/ΣEAD)². */
  hhi: number;
  /** 1/HHI: the number of equal clients with the same concentration. */
  effectiveClients: number;
  /** Gini coefficient of client exposures (0: all equal; → 1: one client holds everything). */
  gini: number;
  top10Exposure: number;
  top10Share: number;
  top10ToCapital: number;
  largestExposure: number;
  largestToCapital: number;
  /** Largest group (clients of the same `group`, others on their own) / net capital; undefined without groups. */
  largestGroupToCapital: number | undefined;
  largestGroup: string | undefined;
  limits: {
    singleClient: ConcentrationCheck;
    top10: ConcentrationCheck;
    group: ConcentrationCheck | undefined;
  };
}

function limitCheck(value: number, limit: number): ConcentrationCheck {
  return { value, limit, isPass: value <= limit, margin: limit - value };
}

/**
 * Concentration of a list of exposures (a band counts as `count` clients of its EAD), against net
 * capital (yuan): HHI and the effective number of clients 1/HHI, the Gini coefficient, the top-10
 * clients' share and their ratio to net capital, the largest client and the largest group with
 * their limit checks (docs/reference-model.md §3, §6).
 * @example concentration([{ ead: 1, pd: 0.01, lgd: 0.45, rho: 0.2, count: 4 }], 10).effectiveClients // 4
 */
export function concentration(exposures: readonly CreditExposure[], netCapital: number): Concentration {
  // Typed arrays sorted by EAD: a 200,000-row real book is sorted without an object per row.
  const kept: number[] = [];
  for (let i = 0; i < exposures.length; i++) {
    const e = exposures[i];
    if (e.ead > 0 && Math.round(e.count ?? 1) > 0) kept.push(i);
  }
  const n = kept.length;
  const ead = new Float64Array(n);
  const count = new Float64Array(n);
  let hasBands = false;
  for (let k = 0; k < n; k++) {
    const e = exposures[kept[k]];
    ead[k] = e.ead;
    count[k] = Math.round(e.count ?? 1);
    if (count[k] !== 1) hasBands = true;
  }
  // Order by EAD; ties keep input order (a stable sort), so the largest is the last of the largest.
  const order = Uint32Array.from({ length: n }, (_, k) => k);
  if (hasBands) order.sort((a, b) => ead[a] - ead[b] || a - b);
  else {
    // One client a row: sort the EADs natively; equal EADs weigh alike in every figure below.
    ead.sort();
  }
  const eadAt = hasBands ? (r: number) => ead[order[r]] : (r: number) => ead[r];
  const countAt = hasBands ? (r: number) => count[order[r]] : () => 1;
  let clients = 0;
  let total = 0;
  let squares = 0;
  // Gini of n individuals sorted ascending: G = 2·Σ i·xᵢ/(n·Σx) − (n+1)/n; a band of c equal
  // clients at ranks k+1…k+c contributes x·(Σ i) = x·(c·k + c(c+1)/2).
  let rankWeighted = 0;
  for (let r = 0; r < n; r++) {
    const x = eadAt(r);
    const c = countAt(r);
    rankWeighted += x * (c * clients + (c * (c + 1)) / 2);
    clients += c;
    total += c * x;
    squares += c * x * x;
  }
  const hhi = total > 0 ? squares / (total * total) : 0;
  const gini = clients > 0 && total > 0 ? (2 * rankWeighted) / (clients * total) - (clients + 1) / clients : 0;
  let top10 = 0;
  let taken = 0;
  for (let r = n - 1; r >= 0 && taken < 10; r--) {
    const c = Math.min(countAt(r), 10 - taken);
    top10 += c * eadAt(r);
    taken += c;
  }
  const largest = n > 0 ? eadAt(n - 1) : 0;
  let largestRow = -1;
  for (let k = 0; k < n; k++) if (exposures[kept[k]].ead === largest) largestRow = kept[k];
  let hasGroups = false;
  for (let k = 0; k < n && !hasGroups; k++) hasGroups = exposures[kept[k]].group !== undefined;
  let largestGroup: string | undefined;
  let largestGroupExposure = 0;
  if (hasGroups) {
    const sums = new Map<string, number>();
    for (let k = 0; k < n; k++) {
      const e = exposures[kept[k]];
      if (e.group === undefined) continue;
      sums.set(e.group, (sums.get(e.group) ?? 0) + Math.round(e.count ?? 1) * e.ead);
    }
    for (const [g, v] of sums) {
      if (v > largestGroupExposure) {
        largestGroupExposure = v;
        largestGroup = g;
      }
    }
    // A client outside any group is a group of its own.
    if (largest > largestGroupExposure) {
      largestGroupExposure = largest;
      largestGroup = exposures[largestRow].id;
    }
  }
  const ratio = (a: number) => (netCapital > 0 ? a / netCapital : 0);
  const largestGroupToCapital = hasGroups ? ratio(largestGroupExposure) : undefined;
  return {
    clients,
    totalExposure: total,
    hhi,
    effectiveClients: hhi > 0 ? 1 / hhi : 0,
    gini,
    top10Exposure: top10,
    top10Share: total > 0 ? top10 / total : 0,
    top10ToCapital: ratio(top10),
    largestExposure: largest,
    largestToCapital: ratio(largest),
    largestGroupToCapital,
    largestGroup,
    limits: {
      singleClient: limitCheck(ratio(largest), CONCENTRATION_LIMITS.singleClientToCapital),
      top10: limitCheck(ratio(top10), CONCENTRATION_LIMITS.top10ToCapital),
      group: largestGroupToCapital === undefined ? undefined : limitCheck(largestGroupToCapital, CONCENTRATION_LIMITS.groupToCapital),
    },
  };
}
