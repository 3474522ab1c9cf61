/**
 * Attribution of the change in net profit between two scenarios A → B to groups of inputs:
 * volume, rate (pricing), mix, credit cost, operating cost, funding, and "other" (tax and the
 * inputs that do not enter the one-year figures).
 *
 * Method: the Shapley value over the groups that changed. A "hybrid" scenario takes the inputs of
 * the groups in a coalition S from B and every other input from A; v(S) is its net profit. Each
 * group's effect is its average marginal contribution over every order in which the groups could
 * be switched from A to B:
 *
 *   φ_g = Σ_{S ⊆ N∖{g}} |S|!·(n−|S|−1)!/n! · (v(S ∪ {g}) − v(S))
 *
 * Why Shapley and not sequential substitution: the one-year profit is not additive (volume × rate,
 * mix × rate, and the tax on positive profit interact), so a sequential split depends on an
 * arbitrary order; Shapley is the unique symmetric split that sums to the total (efficiency), gives
 * zero to a group that changed nothing, and gives a group its whole effect when it alone changed.
 * Cost: 2ⁿ evaluations for n changed groups (at most 2⁷ = 128, about 3 ms).
 *
 * The effects sum to the total mathematically; the floating-point residual (≈1e−7 yuan) is folded
 * into the largest effect, so the waterfall closes to within one rounding of the last digit. Source: Shapley (1953), "A value for
 * n-person games"; its use for profit attribution: e.g. the "Shapley decomposition" of Shorrocks (2013).
 */
import { evaluateClosedForm } from './closed-form';
import { writePath } from './inputs';
import { diffScenarios } from './diff';
import type { Scenario } from './scenario';

export const ATTRIBUTION_EFFECTS = ['volume', 'rate', 'mix', 'creditCost', 'operatingCost', 'funding', 'other'] as const;
export type AttributionEffect = (typeof ATTRIBUTION_EFFECTS)[number];

/** Segment fields by effect (every other segment field is "other"). */
const SEGMENT_FIELDS: Record<string, AttributionEffect> = {
  share: 'mix',
  avgExposure: 'volume', // how many clients the same book is spread over
  spreadBp: 'rate',
  marketSpreadBp: 'rate',
  demandElasticity: 'volume', // the demand a price keeps
  franchiseShare: 'creditCost', // beyond it, worse borrowers (and a lower price)
  franchisePdSlope: 'creditCost',
  franchiseSpreadSlopeBp: 'rate',
  feePerClient: 'rate', // the price of intermediary business
  pd: 'creditCost',
  lgd: 'creditCost',
  correlation: 'creditCost',
  turnover: 'creditCost',
  riskWeight: 'creditCost',
  smallMicroCap: 'creditCost',
  adverseSelectionSlope: 'creditCost',
  servicingCostPerClient: 'operatingCost',
  clientsPerManager: 'operatingCost',
  productsPerClient: 'operatingCost', // fewer clients to replace at the acquisition cost
  acquisitionCostPerClient: 'operatingCost',
  tenor: 'funding', // longer loans carry a higher FTP charge
  depositsPerLoan: 'funding',
  depositRate: 'funding',
  operationalShare: 'funding',
  depositClass: 'funding',
  undrawnPerLoan: 'funding',
};

const OTHER_FIELDS: Record<string, AttributionEffect> = {
  'bank.corporateLoans': 'volume',
  'bank.corporateLoanGrowth': 'volume',
  'market.lpr1y': 'rate',
  'market.lprPath': 'rate',
  'stress.lprShock': 'rate',
  'stress.pdMultiplier': 'creditCost',
  'levers.managerCost': 'operatingCost',
  'market.ftpLoans': 'funding',
  'market.ftpDepositCredit': 'funding',
  'market.wholesaleRate': 'funding',
  'market.ftpPassThrough': 'funding',
  'market.hqlaYield': 'funding',
  'simulation.depositPassThrough': 'funding',
  'simulation.attritionCurve': 'operatingCost',
  'stress.depositRunOff': 'funding',
};

/**
 * The effect an input path belongs to (`segments.1.spreadBp` → rate, `market.taxRate` → other).
 * @example attributionEffectOf('segments.0.share') // 'mix'
 */
export function attributionEffectOf(path: string): AttributionEffect {
  const seg = /^segments\.\d+\.(\w+)/.exec(path);
  if (seg) return SEGMENT_FIELDS[seg[1]] ?? 'other';
  for (const [prefix, effect] of Object.entries(OTHER_FIELDS)) {
    if (path === prefix || path.startsWith(prefix + '.')) return effect;
  }
  return 'other';
}

/**
 * Shapley values of an n-player game given by its value function on coalitions (bit masks).
 * @example shapley(2, (m) => [0, 1, 1, 4][m]) // [2, 2]
 */
export function shapley(n: number, value: (mask: number) => number): number[] {
  const size = 1 << n;
  const v = new Float64Array(size);
  for (let m = 0; m < size; m++) v[m] = value(m);
  const fact = [1];
  for (let i = 1; i <= n; i++) fact[i] = fact[i - 1] * i;
  const bits = (m: number) => {
    let c = 0;
    for (let x = m; x; x &= x - 1) c++;
    return c;
  };
  const phi = new Array<number>(n).fill(0);
  for (let i = 0; i < n; i++) {
    const bit = 1 << i;
    for (let m = 0; m < size; m++) {
      if (m & bit) continue;
      const s = bits(m);
      phi[i] += ((fact[s] * fact[n - s - 1]) / fact[n]) * (v[m | bit] - v[m]);
    }
  }
  return phi;
}

export interface AttributionItem {
  effect: AttributionEffect;
  /** Contribution to the change of net profit, yuan. */
  value: number;
  /** The input paths of this effect that differ between A and B. */
  paths: string[];
}

export type Attribution =
  | {
      ok: true;
      /** Net profit of A and of B, yuan. */
      from: number;
      to: number;
      /** to − from = Σ items.value (exactly). */
      total: number;
      method: 'shapley';
      /** One item per effect, in ATTRIBUTION_EFFECTS order (zero when nothing of it changed). */
      items: AttributionItem[];
    }
  | {
      ok: false;
      reason: 'segmentsDiffer';
      from: number;
      to: number;
      total: number;
    };

/** B's segments in A's order, or null when the two do not hold the same segment keys. */
function alignSegments(a: Scenario, b: Scenario): Scenario | null {
  if (a.segments.length !== b.segments.length) return null;
  const byKey = new Map(b.segments.map((s) => [s.key, s]));
  if (byKey.size !== b.segments.length) return null;
  const segments = a.segments.map((s) => byKey.get(s.key));
  if (segments.some((s) => s === undefined)) return null;
  return { ...b, segments: segments as Scenario['segments'] };
}

/**
 * Splits the change in net profit from scenario `a` to scenario `b` into effects (Shapley value
 * over the groups of inputs that changed). Both must hold the same segment keys (in any order).
 * @example attributeNetProfit(demoScenario, pyramidScenario) // only `mix` is non-zero
 */
export function attributeNetProfit(a: Scenario, b: Scenario): Attribution {
  const profit = (s: Scenario) => evaluateClosedForm(s).profitability.netProfit;
  const from = profit(a);
  const to = profit(b);
  const total = to - from;
  const aligned = alignSegments(a, b);
  if (!aligned) return { ok: false, reason: 'segmentsDiffer', from, to, total };

  // The leaves of B that differ from A, grouped by effect.
  const changes = new Map<AttributionEffect, { path: string; value: unknown }[]>();
  for (const d of diffScenarios(a, aligned)) {
    const effect = attributionEffectOf(d.path);
    if (!changes.has(effect)) changes.set(effect, []);
    changes.get(effect)!.push({ path: d.path, value: d.after });
  }

  const players = ATTRIBUTION_EFFECTS.filter((e) => changes.has(e));
  const hybrid = (mask: number): Scenario => {
    let s = a;
    players.forEach((effect, i) => {
      if (mask & (1 << i)) for (const c of changes.get(effect)!) s = writePath(s, c.path, c.value);
    });
    return s;
  };
  const full = (1 << players.length) - 1;
  const phi = shapley(players.length, (mask) => (mask === 0 ? from : mask === full ? to : profit(hybrid(mask))));

  // Close the waterfall exactly: the float residual goes to the largest effect (a few passes,
  // since adding the residual rounds too).
  if (phi.length) {
    let k = 0;
    phi.forEach((x, i) => (Math.abs(x) > Math.abs(phi[k]) ? (k = i) : 0));
    for (let pass = 0; pass < 4; pass++) {
      const residual = total - phi.reduce((x, y) => x + y, 0);
      if (residual === 0) break;
      phi[k] += residual;
    }
  }
  const items = ATTRIBUTION_EFFECTS.map((effect) => {
    const i = players.indexOf(effect);
    return { effect, value: i < 0 ? 0 : phi[i], paths: (changes.get(effect) ?? []).map((c) => c.path) };
  });
  return { ok: true, from, to, total, method: 'shapley', items };
}
